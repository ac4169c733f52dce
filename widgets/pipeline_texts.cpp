#include "widgets/pipeline_texts.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

#include <QStringList>

#include "widgets/message_texts.h"
#include "widgets/pipeline_graph_view.h"

namespace kiln {
namespace widgets {
namespace {

using nlohmann::json;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QDateTime parseUtc(const std::string& text) {
    QDateTime t = QDateTime::fromString(qs(text), Qt::ISODateWithMs);
    if (!t.isValid()) t = QDateTime::fromString(qs(text), Qt::ISODate);
    return t;
}

QString figure(double v) {
    return QLocale().toString(v, 'f', std::fabs(v) < 0.01 && v != 0 ? 5 : 4);
}

// A JSON value of a step's outputs as short text.
QString valueText(const json& v) {
    if (v.is_string()) return qs(v.get<std::string>()).toHtmlEscaped();
    if (v.is_number_float()) return figure(v.get<double>());
    if (v.is_null()) return QStringLiteral("—");
    if (v.is_object() && !v.empty() && std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_primitive(); })) {
        QStringList parts;  // metrics and the like: "test_accuracy 0.9412, test_loss 0.2130"
        for (const auto& [key, value] : v.items()) parts << qs(key).toHtmlEscaped() + QLatin1Char(' ') + valueText(value);
        return parts.join(QStringLiteral(", "));
    }
    std::string text = v.dump();
    if (text.size() > 160) text = text.substr(0, 157) + "...";
    return qs(text).toHtmlEscaped();
}

QString row(const QString& label, const QString& value) {
    return QStringLiteral("<tr><td style='padding-right:14px; color:gray'>%1</td><td>%2</td></tr>").arg(label, value);
}

}  // namespace

QString PipelineTexts::runStatus(kiln::PipelineRunStatus status) {
    switch (status) {
    case kiln::PipelineRunStatus::Running: return tr("running");
    case kiln::PipelineRunStatus::Completed: return tr("completed");
    case kiln::PipelineRunStatus::Failed: return tr("failed");
    case kiln::PipelineRunStatus::Refused: return tr("model refused");
    case kiln::PipelineRunStatus::Skipped: return tr("no new data");
    }
    return {};
}

QString PipelineTexts::trigger(const std::string& trigger) {
    return trigger == "scheduled" ? tr("scheduled") : tr("manual");
}

QString PipelineTexts::time(const std::string& utc) {
    const QDateTime t = parseUtc(utc);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")) : qs(utc);
}

QString PipelineTexts::duration(const std::string& started, const std::string& finished) {
    const QDateTime a = parseUtc(started), b = parseUtc(finished);
    if (!a.isValid() || !b.isValid()) return {};
    const qint64 ms = a.msecsTo(b);
    if (ms < 1000) return tr("%1 ms").arg(ms);  // most reused and quick steps: "0.0 s" says nothing
    const double seconds = ms / 1000.0;
    if (seconds < 60) return tr("%1 s").arg(QLocale().toString(seconds, 'f', 1));
    const int whole = int(seconds);
    return tr("%1 min %2 s").arg(whole / 60).arg(whole % 60);
}

QString PipelineTexts::schedule(const PipelineData& data) {
    const auto& listing = data.listing;
    if (!listing || !listing->schedule) {
        if (data.declaredSchedule.empty()) return tr("Not scheduled: the file names no schedule.");
        return tr("Not scheduled. The file asks for \"%1\": Schedule installs it.").arg(qs(data.declaredSchedule));
    }
    const kiln::ScheduleRecord& s = *listing->schedule;
    const QString how = s.backend == "systemd" ? tr("a systemd user timer (%1)").arg(qs(s.unit)) : tr("a block in your crontab");
    if (s.paused) return tr("Paused: %1. Schedule again to resume.").arg(localMessage(qs(s.pausedReason)));
    QString text = tr("Runs \"%1\" through %2.").arg(qs(s.calendar), how);
    if (listing->next)
        text += QLatin1Char(' ') +
                tr("Next run: %1.").arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(*listing->next), QLocale::LongFormat));
    if (!listing->missed.empty()) {
        const int missed = int(listing->missed.size());
        text += QLatin1Char(' ') + (listing->missedMore ? tr("More than %n scheduled run(s) did not happen.", nullptr, missed)
                                                        : tr("%n scheduled run(s) did not happen.", nullptr, missed));
    }
    return text;
}

QString PipelineTexts::stepDetails(const kiln::StepRecord& step) {
    QString html = QStringLiteral("<table>");
    html += row(tr("Step"), QStringLiteral("<b>%1</b> (%2)").arg(qs(step.name).toHtmlEscaped(), qs(step.kind)));
    const QColor colour = stepStatusColour(step.status);
    html += row(tr("Status"), QStringLiteral("<b style='color:%1'>%2</b>").arg(colour.name(), stepStatusText(step.status)));
    if (!step.reason.empty())
        html += row(step.status == kiln::StepStatus::Failed ? tr("Error") : tr("Why"), localMessage(qs(step.reason)).toHtmlEscaped());
    if (!step.startedAt.empty()) html += row(tr("Started"), time(step.startedAt));
    const QString took = duration(step.startedAt, step.finishedAt);
    if (!took.isEmpty()) html += row(tr("Took"), took);
    if (!step.key.empty()) html += row(tr("Key"), QStringLiteral("<code>%1</code>").arg(qs(step.key.substr(0, 16))));
    html += QStringLiteral("</table>");
    if (step.outputs.is_object() && !step.outputs.empty()) {
        html += QStringLiteral("<p><b>%1</b></p><table>").arg(tr("Outputs"));
        for (const auto& [key, value] : step.outputs.items()) html += row(qs(key).toHtmlEscaped(), valueText(value));
        html += QStringLiteral("</table>");
    }
    if (step.keyParts.is_object() && step.keyParts.contains("inputs") && !step.keyParts["inputs"].empty()) {
        html += QStringLiteral("<p><b>%1</b></p><table>").arg(tr("Inputs in its key"));
        for (const auto& [key, value] : step.keyParts["inputs"].items()) html += row(qs(key).toHtmlEscaped(), valueText(value));
        html += QStringLiteral("</table>");
    }
    return html;
}

QString PipelineTexts::gateComparison(const kiln::StepRecord& gate) {
    const json& o = gate.outputs;
    if (!o.is_object() || !o.contains("candidate"))
        return tr("<p>The gate has not compared a model in this run (%1).</p>").arg(stepStatusText(gate.status));
    const QString metric = qs(o.value("metric", std::string()));
    const bool passed = o.value("passed", false);
    QString html = QStringLiteral("<p style='font-size:large'><b style='color:%1'>%2</b></p>")
                       .arg(passed ? QStringLiteral("#2e7d32") : QStringLiteral("#c5221f"),
                            passed ? tr("Passed: the new model may be promoted.")
                                   : tr("Refused: production stays as it was."));
    html += QStringLiteral("<table>");
    html += row(tr("Metric"), metric.toHtmlEscaped());
    html += row(tr("New model (run %1)").arg(qs(o.value("run", std::string()))), QStringLiteral("<b>%1</b>").arg(valueText(o["candidate"])));
    if (o.contains("production") && !o["production"].is_null()) {
        html += row(tr("Production (%1)").arg(qs(o.value("production_model", std::string()))), valueText(o["production"]));
        if (o.contains("margin")) {
            const double margin = o["margin"].get<double>();
            html += row(tr("Difference"), QStringLiteral("<b style='color:%1'>%2%3</b>")
                                              .arg(margin >= 0 ? QStringLiteral("#2e7d32") : QStringLiteral("#c5221f"),
                                                   margin >= 0 ? QStringLiteral("+") : QString(), figure(margin)));
        }
        if (o.contains("by")) html += row(tr("Must beat production by"), valueText(o["by"]));
    } else {
        html += row(tr("Production"), tr("none yet: nothing to beat"));
    }
    if (o.contains("at_least")) html += row(tr("Must reach at least"), valueText(o["at_least"]));
    if (o.contains("rows"))
        html += row(tr("Evaluated on"), tr("the same %1 %2 rows for both").arg(valueText(o["rows"]), valueText(o.value("rows_from", json("")))));
    html += QStringLiteral("</table>");
    if (o.contains("message")) html += QStringLiteral("<p>%1</p>").arg(valueText(o["message"]));
    return html;
}

}  // namespace widgets
}  // namespace kiln
