// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/buildinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

// The virtual board. Its serial (ROM loader) and network (protocomm) sides land with the
// flash and provision issues; until then it only reports what it is.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("forgeline-sim"));
    QCoreApplication::setApplicationVersion(Forgeline::BuildInfo::applicationVersion());
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Forgeline virtual board (ESP ROM loader and protocomm device)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    std::fprintf(stderr, "forgeline-sim: the virtual board's serial and protocomm sides are not built yet\n");
    return 1;
}
