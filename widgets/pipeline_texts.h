#pragma once

#include <QCoreApplication>
#include <QString>

#include "widgets/pipeline_data.h"

namespace kiln {
namespace widgets {

// The words of the pipeline page, apart from its layout (context "kiln::widgets::PipelinePage").
struct PipelineTexts {
    Q_DECLARE_TR_FUNCTIONS(kiln::widgets::PipelinePage)

public:
    // How a run ended, as a person reads it ("completed", "model refused", "no new data", …).
    static QString runStatus(kiln::PipelineRunStatus status);
    // "manual" or "scheduled", translated.
    static QString trigger(const std::string& trigger);
    // A catalog time ("2026-12-04T03:00:01.123Z") in the local time zone, short.
    static QString time(const std::string& utc);
    // The time from `started` to `finished` ("35 ms", "4.2 s", "3 min 5 s"); "" when either is missing.
    static QString duration(const std::string& started, const std::string& finished);
    // The schedule line: not scheduled, how and when it runs next, paused and missed runs.
    static QString schedule(const PipelineData& data);
    // The step's record as rich text: status, why, times, key and outputs.
    static QString stepDetails(const kiln::StepRecord& step);
    // A gate step's comparison of the new model with production as rich text.
    static QString gateComparison(const kiln::StepRecord& gate);
};

}  // namespace widgets
}  // namespace kiln
