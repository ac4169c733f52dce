// kiln import's image folders (kiln-engine only: decoding images needs OpenCV).
#include <iomanip>
#include <iostream>

#include "app/cli/cli_app.h"
#include "app/cli/import_images.h"
#include "core/base/names.h"
#include "core/data/image_folder.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

nlohmann::json imageImportJson(const std::string& folder, const ImageDatasetImport& r, double seconds) {
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& s : r.images.skipped) skipped.push_back({{"file", s.relative}, {"reason", s.reason}});
    return {{"file", folder},         {"format", "images"},
            {"dataset", r.dataset},   {"version", r.version},
            {"created", r.created},   {"hash", r.images.manifestHash},
            {"rows", r.images.manifest.rows}, {"labelled", r.images.labelled},
            {"classes", r.images.classes},    {"skipped", skipped},
            {"seconds", seconds}};
}

void printImageImport(const std::string& folder, const ImageDatasetImport& r, double seconds) {
    std::cout << (r.created ? "Imported " : "Already imported (no new version): ") << printable(folder)
              << " as image dataset '" << r.dataset << "' version " << r.version << " (hash "
              << r.images.manifestHash.substr(0, 12) << ")\n  " << r.images.manifest.rows << " images";
    if (r.images.labelled) {
        std::cout << " in " << r.images.classes.size() << " classes:";
        for (const auto& c : r.images.classes) std::cout << " " << printable(c);
    } else {
        std::cout << ", unlabelled (no class sub-folders)";
    }
    std::cout << ", in " << std::fixed << std::setprecision(2) << seconds << " s\n";
    if (!r.images.skipped.empty()) {
        std::cout << "  skipped " << r.images.skipped.size() << " unreadable file"
                  << (r.images.skipped.size() == 1 ? "" : "s") << ":\n";
        for (const auto& s : r.images.skipped) std::cout << "    " << printable(s.relative) << ": " << printable(s.reason) << "\n";
    }
}

int importImages(Workspace& ws, const std::string& folder, const Arguments& args, JobContext& job,
                 nlohmann::json& imports, const std::function<double()>& elapsed) {
    auto result = importImageDataset(ws, folder, args.value("name").value_or(""), job);
    if (!result) return reportError(result.error());
    if (args.json)
        imports.push_back(imageImportJson(folder, *result, elapsed()));
    else
        printImageImport(folder, *result, elapsed());
    return kExitOk;
}

}  // namespace

void installImageImport() { imageImportHook() = importImages; }

}  // namespace kiln::cli
