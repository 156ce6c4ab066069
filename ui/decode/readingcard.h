// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/errordecoder.h"

#include <QFrame>

namespace Forgeline::Ui {

// One reading of a code as a card: macro name in monospace, module, what it means, why it
// happens on a device, what to try, which mbedTLS versions define it, and its parts when the
// code is a composite or a set of X.509 flags.
class ReadingCard : public QFrame
{
    Q_OBJECT
public:
    explicit ReadingCard(const Tls::Reading &reading, QWidget *parent = nullptr);

    const Tls::Reading &reading() const { return m_reading; }

private:
    Tls::Reading m_reading;
};

// The answer for input nobody defines: says so plainly and lists the closest known readings.
class UnknownCodeCard : public QFrame
{
    Q_OBJECT
public:
    explicit UnknownCodeCard(const Tls::DecodeResult &result, QWidget *parent = nullptr);
};

} // namespace Forgeline::Ui
