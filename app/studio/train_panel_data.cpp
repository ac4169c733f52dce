#include "app/studio/train_panel_data.h"

#include <exception>

#include "core/data/column_type.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/store/workspace.h"

namespace kiln {
namespace studio {
namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QStringList qsList(const std::vector<std::string>& list) {
    QStringList out;
    for (const auto& s : list) out << qs(s);
    return out;
}

}  // namespace

bool parseHidden(const QString& text, std::vector<int>& out) {
    out.clear();
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int width = part.trimmed().toInt(&ok);
        if (!ok) return false;
        out.push_back(width);
    }
    return true;
}

QString hiddenText(const std::vector<int>& hidden) {
    QStringList parts;
    for (int h : hidden) parts << QString::number(h);
    return parts.join(QLatin1String(", "));
}

DatasetChoices readDatasetChoices(const QString& dir) {
    DatasetChoices out;
    try {
        auto ws = kiln::Workspace::open(dir.toStdString(), false);
        if (!ws) return {{}, qs(ws.error().toString())};
        kiln::DatasetCatalog catalog((*ws)->catalog());
        auto list = catalog.list();
        if (!list) return {{}, qs(list.error().toString())};
        for (const auto& summary : *list) {
            DatasetChoice choice{qs(summary.name), qs(summary.kind), {}};
            auto versions = catalog.versions(summary.name);
            if (!versions) continue;
            for (const auto& v : *versions)
                choice.versions.push_back(
                    {v.id, v.version, qs(v.contentHash), qint64(v.rows), qs(v.createdAt)});
            if (!choice.versions.isEmpty()) out.datasets.push_back(choice);
        }
    } catch (const std::exception& e) {
        out.error = QString::fromLocal8Bit(e.what());
    }
    return out;
}

SpecResolution resolveForPanel(const QString& dir, kiln::RunSpec spec) {
    SpecResolution out;
    out.hash = qs(spec.datasetHash);
    out.target = qs(spec.target);
    try {
        auto ws = kiln::Workspace::open(dir.toStdString(), false);
        if (!ws) return out.error = qs(ws.error().toString()), out;
        auto table = kiln::Table::open((*ws)->objects(), spec.datasetHash);
        if (!table) return out.error = qs(table.error().toString()), out;
        for (std::size_t i = 0; i < (*table)->columnCount(); ++i) {
            const auto& info = (*table)->column(i).info();
            out.columns << qs(info.name);
            out.columnTypes << QString::fromLatin1(kiln::columnTypeName(info.type));
            out.columnMissing << quint64(info.missing);
        }
        out.rows = quint64((*table)->rows());
        out.suggestedTarget = qs(kiln::suggestTarget(**table));
        if (spec.target.empty()) return out;
        if (auto st = kiln::resolveSpec(spec, **table); !st) {
            out.error = qs(st.error().message);
            return out;
        }
        out.task = QString::fromLatin1(kiln::taskName(spec.task));
        out.family = qs(spec.model.family);
        out.features = qsList(spec.features);
        out.notes = qsList(spec.notes);
        if (spec.datasetKind != "images")
            out.warnings = kiln::checkFeatures(**table, spec.target, spec.features,
                                               spec.task == kiln::TaskKind::Classification);
    } catch (const std::exception& e) {
        out.error = QString::fromLocal8Bit(e.what());
    }
    return out;
}

}  // namespace studio
}  // namespace kiln
