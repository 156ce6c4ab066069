# forgeline_add_test(NAME tst_x SOURCES a.cpp [GUI] [LIBS ...])
# Core tests run without a display; GUI tests get QT_QPA_PLATFORM=offscreen. Every test runs
# with its own HOME/XDG dirs so settings and app data never touch the developer's.
function(forgeline_add_test)
    cmake_parse_arguments(T "GUI" "NAME;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    if(T_GUI)
        target_link_libraries(${T_NAME} PRIVATE forgeline::ui Qt6::Test forgeline_options ${T_LIBS})
    else()
        target_link_libraries(${T_NAME} PRIVATE forgeline::core Qt6::Test forgeline_options ${T_LIBS})
    endif()
    target_compile_definitions(${T_NAME} PRIVATE
        TESTDATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        TEST_BUILD_DIR="${CMAKE_BINARY_DIR}"
        FORGELINE_CLI_PATH="$<TARGET_FILE:forgeline_cli>"
        FORGELINE_GUI_PATH="$<TARGET_FILE:forgeline_gui>")
    add_dependencies(${T_NAME} forgeline_cli forgeline_gui)
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set(_env "HOME=${CMAKE_BINARY_DIR}/test-home/${T_NAME}"
             "XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/test-home/${T_NAME}/config"
             "XDG_DATA_HOME=${CMAKE_BINARY_DIR}/test-home/${T_NAME}/data"
             "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1"
             "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
             # Quoted: the sanitizers split their options at spaces (a checkout path may have one).
             "LSAN_OPTIONS=suppressions='${PROJECT_SOURCE_DIR}/tests/lsan.supp'"
             # Tests compare English texts: a developer's zh_CN desktop must not translate them.
             "LC_ALL=C.UTF-8" "LANGUAGE=")
    if(T_GUI)
        list(APPEND _env "QT_QPA_PLATFORM=offscreen")
    endif()
    set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${_env}")
endfunction()

# Debian's libmbedtls-dev, for the small C programs that hold our predictions against the real
# library. Returns in <found> whether it is there; when it is, the INTERFACE target
# forgeline_system_mbedtls carries its headers and mbedtls/mbedx509/mbedcrypto, and nothing
# else (no sanitizer or warning options: one helper replaces calloc() and must not fight ASan).
function(forgeline_find_system_mbedtls found)
    find_path(FORGELINE_MBEDTLS_INCLUDE_DIR mbedtls/ssl.h)
    find_library(FORGELINE_MBEDTLS_LIB mbedtls)
    find_library(FORGELINE_MBEDX509_LIB mbedx509)
    find_library(FORGELINE_MBEDCRYPTO_LIB mbedcrypto)
    if(NOT FORGELINE_MBEDTLS_INCLUDE_DIR OR NOT FORGELINE_MBEDTLS_LIB OR NOT FORGELINE_MBEDX509_LIB OR NOT FORGELINE_MBEDCRYPTO_LIB)
        set(${found} FALSE PARENT_SCOPE)
        return()
    endif()
    if(NOT TARGET forgeline_system_mbedtls)
        add_library(forgeline_system_mbedtls INTERFACE)
        target_include_directories(forgeline_system_mbedtls INTERFACE "${FORGELINE_MBEDTLS_INCLUDE_DIR}")
        target_link_libraries(forgeline_system_mbedtls INTERFACE
            "${FORGELINE_MBEDTLS_LIB}" "${FORGELINE_MBEDX509_LIB}" "${FORGELINE_MBEDCRYPTO_LIB}")
    endif()
    set(${found} TRUE PARENT_SCOPE)
endfunction()
