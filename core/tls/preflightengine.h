// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/tls/preflight.h"
#include "core/tls/preflightchecks.h"

namespace Forgeline::Tls {

// Predicts, before anything is flashed, how the device's mbedTLS will fare with a certificate,
// chain and key: loads the files with OpenSSL, then runs every check against a target profile.
// Stateless and thread-safe; the GUI calls it from a worker thread.
class PreflightEngine
{
public:
    // Unreadable, empty or garbage files and a wrong password are errors (the run cannot start);
    // everything the device would trip over is a failed check in the report.
    static Result<PreflightReport> run(const PreflightInputs &inputs);

    static Result<PreflightChecks::Material> load(const PreflightInputs &inputs);
    static PreflightReport evaluate(const PreflightChecks::Material &material,
                                    const TargetProfile &target, const PreflightInputs &inputs);

    // Fills predictedName / predictedMeaning from the error decoder, pinned to the target's mbedTLS.
    static void explain(PreflightCheck &check, const TargetProfile &target);
};

} // namespace Forgeline::Tls
