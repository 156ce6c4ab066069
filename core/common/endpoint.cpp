// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/endpoint.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace Forgeline {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Forgeline", text); }

Error endpointError(const QString &message, const QString &text)
{
    return Error::make(
        ErrorCode::EndpointInvalid, message, text,
        tr("Type HOST, HOST:PORT or [IPv6]:PORT, e.g. 192.168.4.1:80 or [fe80::1]:80."));
}

// Host names as RFC 1123 allows them (letters, digits, '-', '.'), plus '_' which mDNS
// names in the field do carry. Anything else (spaces, '/', '@') is a typing error.
bool isHostName(const QString &host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    for (const QChar c : host) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                        || u == '-' || u == '.' || u == '_';
        if (!ok)
            return false;
    }
    return true;
}

bool isIpv6Literal(const QString &host)
{
    QHostAddress address;
    return address.setAddress(host) && address.protocol() == QAbstractSocket::IPv6Protocol;
}

Result<quint16> parsePort(const QString &digits, const QString &text)
{
    if (digits.isEmpty())
        return endpointError(tr("The port after ':' is missing."), text);
    quint32 value = 0;
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return endpointError(tr("The port \"%1\" is not a number.").arg(digits), text);
        value = value * 10 + quint32(c.unicode() - '0');
        if (value > 65535)
            return endpointError(tr("The port %1 is out of range (1 to 65535).").arg(digits), text);
    }
    if (value == 0)
        return endpointError(tr("The port 0 is out of range (1 to 65535)."), text);
    return quint16(value);
}

} // namespace

QString Endpoint::hostForUrl() const
{
    return isIpv6() ? QLatin1Char('[') + host + QLatin1Char(']') : host;
}

QString Endpoint::toString() const
{
    return hostForUrl() + QLatin1Char(':') + QString::number(port);
}

Result<Endpoint> parseEndpoint(const QString &input, quint16 defaultPort)
{
    QString text = input.trimmed();
    if (text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive))
        text = text.mid(7);
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    if (text.isEmpty())
        return endpointError(tr("The address is empty."), input);

    Endpoint e;
    QString portText;
    bool hasPort = false;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return endpointError(tr("The '[' before the IPv6 address has no ']'."), input);
        e.host = text.mid(1, close - 1);
        if (!isIpv6Literal(e.host))
            return endpointError(
                tr("\"%1\" between the brackets is not an IPv6 address.").arg(e.host), input);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return endpointError(tr("Only \":PORT\" may follow the ']'."), input);
            hasPort = true;
            portText = rest.mid(1);
        }
    } else if (text.count(QLatin1Char(':')) > 1) {
        // Without brackets, "fe80::1:80" could be either; only a whole IPv6 address is read.
        if (!isIpv6Literal(text))
            return endpointError(
                tr("Put an IPv6 address in brackets to give a port: [fe80::1]:80."), input);
        e.host = text;
    } else {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        e.host = colon < 0 ? text : text.left(colon);
        if (colon >= 0) {
            hasPort = true;
            portText = text.mid(colon + 1);
        }
        if (e.host.isEmpty())
            return endpointError(tr("The host before ':' is missing."), input);
        if (!isHostName(e.host))
            return endpointError(tr("\"%1\" is not a host name or an IP address.").arg(e.host),
                                 input);
    }
    if (hasPort) {
        Result<quint16> port = parsePort(portText, input);
        if (!port)
            return port.error();
        e.port = *port;
    } else {
        e.port = defaultPort;
    }
    if (e.isIpv6())
        e.host = QHostAddress(e.host).toString(); // one spelling: "::1", lower case
    return e;
}

} // namespace Forgeline
