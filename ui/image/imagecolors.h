// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

namespace Forgeline::Ui::ImageColors {

// One meaning per colour across the Image workspace's summary, checks and conversion result:
// failed, passed with warnings, passed.
inline const QColor Red(0xd0, 0x33, 0x2b);
inline const QColor Amber(0xb0, 0x78, 0x00);
inline const QColor Green(0x2e, 0x9d, 0x4f);

} // namespace Forgeline::Ui::ImageColors
