// kiln samples: the datasets shipped with Kiln to try it on, with their sources and licences.
// `kiln import --sample NAME` imports one.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "core/samples/sample_library.h"

namespace kiln::cli {

namespace {

nlohmann::json sampleJson(const Sample& s) {
    return {{"name", s.name},     {"kind", s.kind},         {"task", s.task},
            {"target", s.target}, {"title", s.title},       {"description", s.description},
            {"path", s.path},     {"source", s.source},     {"licence", s.licence}};
}

void printSamples(const std::vector<Sample>& samples) {
    std::size_t width = 4;
    for (const auto& s : samples) width = std::max(width, s.name.size());
    for (const auto& s : samples) {
        std::cout << std::left << std::setw(int(width)) << s.name << "  " << s.title << " ("
                  << s.kind << ", " << s.task << " of " << s.target << ")\n"
                  << std::string(width + 2, ' ') << s.description << "\n"
                  << std::string(width + 2, ' ') << "source: " << s.source << "\n"
                  << std::string(width + 2, ' ') << "licence: " << s.licence << "\n";
    }
    if (!samples.empty())
        std::cout << "\nImport one with 'kiln import --sample " << samples.front().name
                  << "', then train it with 'kiln train " << samples.front().name << " --target "
                  << samples.front().target << "'.\n";
}

int runSamples(const Arguments& args) {
    auto samples = loadSamples(findSamplesDirectory());
    if (!samples) return reportError(samples.error());
    if (args.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& s : *samples) list.push_back(sampleJson(s));
        std::cout << nlohmann::json{{"samples", list}}.dump(2) << "\n";
    } else {
        printSamples(*samples);
    }
    return kExitOk;
}

}  // namespace

Command makeSamplesCommand() {
    Command c;
    c.name = "samples";
    c.summary = "list the sample datasets shipped with Kiln";
    c.usage = "kiln samples [--json]";
    c.description =
        "Lists the datasets that come with Kiln to try it on: a classification table with\n"
        "categories and missing values, a regression table and a small image folder, each with\n"
        "its source and licence. 'kiln import --sample NAME' imports one into the workspace.";
    c.run = runSamples;
    return c;
}

}  // namespace kiln::cli
