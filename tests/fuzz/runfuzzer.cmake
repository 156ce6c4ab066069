# Runs one libFuzzer target for a fixed number of inputs, starting from its corpus:
#   cmake -DFUZZER=... -DCORPUS=... -DWORK=... -DRUNS=... -P runfuzzer.cmake
# WORK is emptied first, so new inputs libFuzzer keeps go there (not into the source tree)
# and every run starts from the committed corpus alone: the same work on every machine.
# A crash, leak, timeout or out-of-memory leaves its input in WORK/findings/ and fails.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/new" "${WORK}/findings")
execute_process(
    COMMAND "${FUZZER}" -runs=${RUNS} -seed=1 -timeout=25 -rss_limit_mb=4096
            -artifact_prefix=${WORK}/findings/ "${WORK}/new" "${CORPUS}"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${FUZZER} found a problem (exit ${rc}); the input is in "
                        "${WORK}/findings/. Fix it, then add the input to ${CORPUS}/ as a "
                        "regression input.")
endif()
