// Studio benchmark for comparing runs, on a workspace written by kiln_catalog_bench: the time
// from asking for the Runs tab to its first painted frame, from opening a Compare of 50
// epoch-level runs and of 20 step-level runs to their curves painted, and the frame times of
// zooming and panning those charts. Offscreen unless QT_QPA_PLATFORM says otherwise. Prints JSON.
// Usage: kiln_studio_compare_bench WORKSPACE_DIR
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include "widgets/compare_view.h"
#include "widgets/runs_table_model.h"
#include "widgets/runs_table_view.h"

using namespace kiln::widgets;

namespace {

bool waitFor(const std::function<bool()>& done, int timeoutMs = 60000) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

struct Frames {
    double mean = 0, max = 0;
    int count = 0;
};

// Zooms in and out and pans the chart, painting each frame at once; milliseconds per frame.
Frames interact(QChartView* view) {
    std::vector<double> ms;
    QElapsedTimer t;
    auto frame = [&](const std::function<void()>& change) {
        t.start();
        change();
        view->viewport()->repaint();
        ms.push_back(t.nsecsElapsed() / 1e6);
    };
    for (int i = 0; i < 5; ++i) frame([&] { view->chart()->zoom(1.4); });
    for (int i = 0; i < 20; ++i) frame([&] { view->chart()->scroll(i < 10 ? 25 : -25, 0); });
    for (int i = 0; i < 5; ++i) frame([&] { view->chart()->zoom(1 / 1.4); });
    frame([&] { view->chart()->zoomReset(); });
    Frames f;
    f.count = int(ms.size());
    for (double m : ms) f.mean += m / ms.size(), f.max = std::max(f.max, m);
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return std::fprintf(stderr, "usage: kiln_studio_compare_bench WORKSPACE_DIR\n"), 2;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString dir = QString::fromLocal8Bit(argv[1]);

    QElapsedTimer t;
    RunsTableView runs;
    runs.resize(1400, 900);
    runs.show();
    t.start();
    runs.setWorkspace(dir);
    if (!waitFor([&] { return !runs.isLoading(); })) return 1;
    runs.repaint();
    const double runsMs = t.nsecsElapsed() / 1e6;
    const int rows = runs.model()->rowCount();
    // Sorting the whole table by a metric, then a text filter.
    t.start();
    runs.table()->sortByColumn(int(runs.model()->columns().indexOf(
                                   RunColumn{RunColumn::Metric, QStringLiteral("val_loss")})),
                               Qt::AscendingOrder);
    runs.repaint();
    const double sortMs = t.nsecsElapsed() / 1e6;
    t.start();
    runs.filterEdit()->setText(QStringLiteral("epoch-9"));
    runs.repaint();
    const double filterMs = t.nsecsElapsed() / 1e6;

    auto compare = [&](const QString& kind, int count, bool steps, double& ms, Frames& frames,
                       int& points) {
        QStringList ids;
        for (int i = 0; i < count; ++i) ids << QStringLiteral("%1-%2").arg(kind).arg(i);
        CompareView view;
        view.resize(1400, 900);
        view.show();
        QCoreApplication::processEvents();
        if (steps) {
            QSignalBlocker block(view.curves()->axisBox());
            view.curves()->axisBox()->setCurrentIndex(1);  // Step
        }
        QElapsedTimer c;
        c.start();
        view.setRuns(dir, ids);
        waitFor([&] { return !view.isLoading(); });
        view.curves()->setMetric(QStringLiteral("val_loss"));
        view.repaint();
        ms = c.nsecsElapsed() / 1e6;
        points = view.curves()->drawnPoints();
        frames = interact(view.curves()->chartView());
    };
    double epochMs = 0, stepMs = 0;
    Frames epochFrames, stepFrames;
    int epochPoints = 0, stepPoints = 0;
    compare(QStringLiteral("epoch"), 50, false, epochMs, epochFrames, epochPoints);
    compare(QStringLiteral("step"), 20, true, stepMs, stepFrames, stepPoints);

    std::printf(
        "{\n  \"runs_table_rows\": %d,\n  \"runs_table_open_ms\": %.1f,\n"
        "  \"runs_table_sort_ms\": %.1f,\n  \"runs_table_filter_ms\": %.1f,\n"
        "  \"compare_50_epoch_runs\": {\"open_to_painted_ms\": %.1f, \"points_drawn\": %d, "
        "\"frames\": %d, \"frame_mean_ms\": %.2f, \"frame_max_ms\": %.2f},\n"
        "  \"compare_20_step_runs\": {\"open_to_painted_ms\": %.1f, \"points_drawn\": %d, "
        "\"frames\": %d, \"frame_mean_ms\": %.2f, \"frame_max_ms\": %.2f}\n}\n",
        rows, runsMs, sortMs, filterMs, epochMs, epochPoints, epochFrames.count, epochFrames.mean,
        epochFrames.max, stepMs, stepPoints, stepFrames.count, stepFrames.mean, stepFrames.max);
    return 0;
}
