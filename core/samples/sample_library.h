#pragma once

#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

// A dataset shipped with Kiln to try it on (resources/samples, installed to share/kiln/samples):
// what it is, where it came from and under which licence, and the column a first model predicts.
struct Sample {
    std::string name;         // the dataset name it imports as ("penguins")
    std::string path;         // absolute: a CSV file, or a folder of images
    std::string kind;         // "table" or "images"
    std::string task;         // "classification" or "regression"
    std::string target;       // the column a first model predicts
    std::string title;        // "Palmer penguins"
    std::string description;  // one sentence, English (Studio translates its own)
    std::string source;       // who made it, and the Debian package it was taken from
    std::string licence;      // "CC0 1.0"
};

// The folder that holds samples.json: $KILN_SAMPLES when set, else share/kiln/samples beside an
// installed executable (`exeDir`/../share or, for kiln-engine in libexec/kiln, ../../share), which
// is also where a build tree puts its copy. Empty when none holds a samples.json.
std::string findSamplesDirectory(const std::string& exeDir);
// findSamplesDirectory for the running executable (/proc/self/exe).
std::string findSamplesDirectory();

// The samples listed in `directory`/samples.json (format kiln-samples/1), their paths made
// absolute. NotFound when the directory holds no list; InvalidArgument when the list is not one,
// naming what is wrong.
Result<std::vector<Sample>> loadSamples(const std::string& directory);
// The sample called `name` in the samples of this executable; NotFound lists those there are.
Result<Sample> findSample(const std::string& name);

// What a dataset imported from `sample` records as its description: the title, what it holds,
// its source and its licence, in one paragraph.
std::string describeSample(const Sample& sample);

}  // namespace kiln
