// SPDX-License-Identifier: GPL-3.0-or-later
// Any file a user opens in the Image workspace or gives to `image info`, and any partition's
// bytes read from a board.
#include "core/image/appimage.h"
#include "core/image/imageinspector.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Forgeline::Image;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ImageInspection r = inspectImage(bytes);
    (void)inspectionToJson(r);
    if (auto img = AppImage::parse(bytes)) {
        // What parsed never claims more than the file holds.
        if (img->length > bytes.size() || img->segments.size() > AppImage::MaxSegments)
            std::abort();
        // A hash is only judged when all of it is there.
        if (img->sha256Valid.has_value() && img->truncated)
            std::abort();
    }
    return 0;
}
