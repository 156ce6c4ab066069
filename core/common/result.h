// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/errorcodes.h"

#include <QString>

#include <utility>
#include <variant>

namespace Forgeline {

// An expected failure, as a value. `message` is for the user (actionable, translated);
// `detail` is for the log and bug reports; `fix` is the next step when one is known.
struct Error
{
    QString code; // stable machine id, e.g. "serial.open" (registry: core/common/errorcodes.h)
    QString message;
    QString detail;
    QString fix;

    static Error make(QString code, QString message, QString detail = {}, QString fix = {})
    {
        return Error{std::move(code), std::move(message), std::move(detail), std::move(fix)};
    }

    // Stopped on request rather than failed, whichever module's spelling the code has (see
    // core/common/errorcodes.h).
    bool isCancelled() const { return ErrorCode::isCancellation(code); }
};

// std::expected is C++23; this is the subset we need on GCC 12.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace Forgeline
