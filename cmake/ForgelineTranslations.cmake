# forgeline_add_translations(<target> TS <file.ts>...)
# Compiles each .ts with Qt's lrelease into a .qm and embeds it in <target> under
# :/forgeline/translations/. Debian 12 ships lrelease/lupdate in qt6-l10n-tools but Qt's CMake
# API for them (Qt6LinguistTools, qt_add_translations) only in qt6-tools-dev, which pulls in
# Designer, Qt Quick and libclang; calling the tools directly keeps the build dependency small.
function(forgeline_find_linguist_tool var name)
    find_program(${var} NAMES ${name} ${name}6 ${name}-qt6
        HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}"
              "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_LIBEXECS}"
              /usr/lib/qt6/bin)
    if(NOT ${var})
        message(FATAL_ERROR "Qt's ${name} not found: install qt6-l10n-tools (Debian/Ubuntu) "
                            "or Qt Linguist's tools, or set ${var}.")
    endif()
endfunction()

function(forgeline_add_translations target)
    cmake_parse_arguments(T "" "" "TS" ${ARGN})
    forgeline_find_linguist_tool(FORGELINE_LRELEASE lrelease)
    set(_qm_files)
    foreach(_ts IN LISTS T_TS)
        get_filename_component(_name "${_ts}" NAME_WE)
        set(_qm "${CMAKE_CURRENT_BINARY_DIR}/translations/${_name}.qm")
        add_custom_command(OUTPUT "${_qm}"
            COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/translations"
            COMMAND "${FORGELINE_LRELEASE}" -silent "${_ts}" -qm "${_qm}"
            DEPENDS "${_ts}" VERBATIM)
        list(APPEND _qm_files "${_qm}")
    endforeach()
    qt_add_resources(${target} "${target}_translations" PREFIX "/forgeline/translations"
        BASE "${CMAKE_CURRENT_BINARY_DIR}/translations" FILES ${_qm_files})
endfunction()
