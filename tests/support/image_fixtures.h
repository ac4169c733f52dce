#pragma once

#include <filesystem>

namespace kiln::test {

// Two classes of 16×16 colour images, 24 each, under `root`: bright diagonal stripes
// (root/stripes) and dark blobs (root/blobs), with noise; the same bytes every time. Returns root.
std::filesystem::path writeImageFolder(const std::filesystem::path& root);

}  // namespace kiln::test
