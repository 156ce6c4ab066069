// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/decode/decodeworkspace.h"

namespace Forgeline::Ui {

DecodeWorkspace::DecodeWorkspace(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("decodeWorkspace"));
}

} // namespace Forgeline::Ui
