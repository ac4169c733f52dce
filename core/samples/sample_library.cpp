#include "core/samples/sample_library.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

namespace kiln {

namespace {

namespace fs = std::filesystem;

constexpr const char* kListFile = "samples.json";
constexpr const char* kFormat = "kiln-samples/1";

bool holdsList(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / kListFile, ec);
}

Error badList(const fs::path& file, const std::string& what) {
    Error e = makeError(ErrorCode::InvalidArgument, "not a list of samples: " + what, file.string());
    e.hint = "reinstall Kiln, or point $KILN_SAMPLES at its share/kiln/samples folder";
    return e;
}

Result<Sample> readSample(const nlohmann::json& entry, const fs::path& dir, const fs::path& file) {
    Sample s;
    for (auto [key, field] : {std::pair{"name", &s.name}, {"path", &s.path}, {"kind", &s.kind},
                              {"task", &s.task}, {"target", &s.target}, {"title", &s.title},
                              {"description", &s.description}, {"source", &s.source},
                              {"licence", &s.licence}}) {
        auto it = entry.find(key);
        if (it == entry.end() || !it->is_string() || it->get<std::string>().empty())
            return badList(file, std::string("a sample without its \"") + key + "\"");
        *field = it->get<std::string>();
    }
    if (s.kind != "table" && s.kind != "images")
        return badList(file, "sample " + s.name + " has kind \"" + s.kind + "\"");
    const fs::path relative(s.path);
    if (relative.is_absolute() || relative.lexically_normal().string().rfind("..", 0) == 0)
        return badList(file, "sample " + s.name + " lies outside its folder");
    s.path = (dir / relative).lexically_normal().string();
    return s;
}

}  // namespace

std::string findSamplesDirectory(const std::string& exeDir) {
    if (const char* chosen = std::getenv("KILN_SAMPLES"); chosen && *chosen) return chosen;
    const fs::path exe(exeDir);
    for (const fs::path& candidate : {exe / ".." / "share" / "kiln" / "samples",
                                      exe / ".." / ".." / "share" / "kiln" / "samples"})
        if (holdsList(candidate)) return candidate.lexically_normal().string();
    return {};
}

std::string findSamplesDirectory() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return findSamplesDirectory(ec ? std::string(".") : self.parent_path().string());
}

Result<std::vector<Sample>> loadSamples(const std::string& directory) {
    const fs::path dir(directory);
    const fs::path file = dir / kListFile;
    if (directory.empty() || !holdsList(dir)) {
        Error e = makeError(ErrorCode::NotFound, "Kiln's sample datasets are not installed",
                            directory.empty() ? std::string() : file.string());
        e.hint = "they belong in share/kiln/samples beside Kiln; $KILN_SAMPLES names another folder";
        return e;
    }
    std::ifstream in(file);
    nlohmann::json list = nlohmann::json::parse(in, nullptr, false);
    if (list.is_discarded() || !list.is_object()) return badList(file, "not JSON");
    if (list.value("format", std::string()) != kFormat)
        return badList(file, std::string("its format is not ") + kFormat);
    auto entries = list.find("samples");
    if (entries == list.end() || !entries->is_array()) return badList(file, "no \"samples\" array");
    std::vector<Sample> samples;
    for (const auto& entry : *entries) {
        if (!entry.is_object()) return badList(file, "a sample that is not an object");
        auto sample = readSample(entry, dir, file);
        if (!sample) return sample.error();
        samples.push_back(std::move(*sample));
    }
    return samples;
}

Result<Sample> findSample(const std::string& name) {
    auto samples = loadSamples(findSamplesDirectory());
    if (!samples) return samples.error();
    std::string names;
    for (const Sample& s : *samples) {
        if (s.name == name) return s;
        names += (names.empty() ? "" : ", ") + s.name;
    }
    Error e = makeError(ErrorCode::NotFound, "no sample dataset called " + name);
    e.hint = "the samples are: " + names + " (kiln samples lists them)";
    return e;
}

std::string describeSample(const Sample& sample) {
    return sample.title + ". " + sample.description + " Source: " + sample.source +
           " Licence: " + sample.licence + ".";
}

}  // namespace kiln
