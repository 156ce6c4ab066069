// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QString>

namespace Forgeline {

// A device's network address as a person types it: "host", "host:port" or "[v6]:port".
// The one parser for every place an address is typed (provisioning CLI options, the station
// recipe's provision addresses, the Provision workspace), so all three accept and refuse the
// same text with the same message.
struct Endpoint
{
    QString host;     // a name, an IPv4 address, or an IPv6 address without brackets
    quint16 port = 0; // 1..65535

    bool isIpv6() const { return host.contains(QLatin1Char(':')); }
    // "host:port", with brackets around an IPv6 host: the form parseEndpoint() reads back,
    // and the form an HTTP Host header wants (RFC 7230 section 5.4, RFC 3986 section 3.2.2).
    QString toString() const;
    QString hostForUrl() const; // "host" or "[v6]"
};

// Accepts "host", "host:port", "[v6]", "[v6]:port", a bare IPv6 address (no port then), an
// optional "http://" in front and "/" behind (people paste URLs). The port is decimal
// 1..65535; out-of-range ports are refused, never wrapped. Errors have code
// "endpoint.invalid" and a message that names what was wrong.
Result<Endpoint> parseEndpoint(const QString &text, quint16 defaultPort = 80);

} // namespace Forgeline
