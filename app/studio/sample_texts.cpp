#include "app/studio/sample_texts.h"

#include <QCoreApplication>

#include "core/samples/sample_library.h"

namespace kiln {
namespace studio {
namespace {

// The translation context of the texts below (lupdate reads SampleTexts::tr).
class SampleTexts {
    Q_DECLARE_TR_FUNCTIONS(kiln::studio::SampleTexts)
};

QString fromUtf8(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

QString sampleTitle(const kiln::Sample& sample) {
    if (sample.name == "penguins") return SampleTexts::tr("Palmer penguins");
    if (sample.name == "diabetes") return SampleTexts::tr("Diabetes progression");
    if (sample.name == "digits") return SampleTexts::tr("Handwritten digits");
    return fromUtf8(sample.title);
}

QString sampleDescription(const kiln::Sample& sample) {
    if (sample.name == "penguins")
        return SampleTexts::tr("344 penguins of three species from three islands: bill, flipper and body "
                  "measurements, sex and year, with missing values.");
    if (sample.name == "diabetes")
        return SampleTexts::tr("442 diabetes patients: age, sex, body mass index, blood pressure and six blood "
                  "serum measurements; the target is a measure of disease progression one year "
                  "later.");
    if (sample.name == "digits")
        return SampleTexts::tr("300 greyscale pictures of handwritten digits, 30 of each from 0 to 9, one "
                  "folder per digit (8 × 8 pixels, drawn at 32 × 32).");
    return fromUtf8(sample.description);
}

QString sampleSummary(const kiln::Sample& sample) {
    const QString target = fromUtf8(sample.target);
    const QString task = sample.kind == "images"        ? SampleTexts::tr("Image classification")
                         : sample.task == "regression" ? SampleTexts::tr("Regression of %1").arg(target)
                                                       : SampleTexts::tr("Classification of %1").arg(target);
    return SampleTexts::tr("%1 · licence: %2").arg(task, fromUtf8(sample.licence));
}

}  // namespace studio
}  // namespace kiln
