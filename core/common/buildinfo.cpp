// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/buildinfo.h"

#include <openssl/crypto.h>
#include <zlib.h>

#include <QtGlobal>

namespace Forgeline::BuildInfo {

QString applicationVersion() { return QStringLiteral(FORGELINE_VERSION); }

QString qtVersion() { return QString::fromLatin1(qVersion()); }

QString openSslVersion() { return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)); }

QString protobufVersion() { return QStringLiteral(FORGELINE_PROTOBUF_VERSION); }

QString zlibVersion() { return QString::fromLatin1(::zlibVersion()); }

} // namespace Forgeline::BuildInfo
