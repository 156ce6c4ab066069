// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Forgeline::BuildInfo {

QString applicationVersion();
QString qtVersion();      // the Qt the process runs with (may differ from the build's)
QString openSslVersion(); // OpenSSL runtime version string
QString protobufVersion();
QString zlibVersion();

} // namespace Forgeline::BuildInfo
