<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>kiln::studio::CompareUi</name>
    <message numerus="yes">
        <location filename="../app/studio/compare_ui.cpp" line="46"/>
        <location filename="../app/studio/compare_ui.cpp" line="88"/>
        <source>Compare (%n run(s))</source>
        <translation>
            <numerusform>Compare (%n run)</numerusform>
            <numerusform>Compare (%n runs)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::studio::DatabaseImportDialog</name>
    <message numerus="yes">
        <location filename="../app/studio/database_import_dialog.cpp" line="362"/>
        <source>Connected: %n table(s) and view(s).</source>
        <translation>
            <numerusform>Connected: %n table or view.</numerusform>
            <numerusform>Connected: %n tables and views.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/database_import_dialog.cpp" line="424"/>
        <source>%n column(s) · types from the database; the first %1 rows shown.</source>
        <translation>
            <numerusform>%n column · types from the database; the first %1 rows shown.</numerusform>
            <numerusform>%n columns · types from the database; the first %1 rows shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::studio::ExportResultDialog</name>
    <message numerus="yes">
        <location filename="../app/studio/export_dialog.cpp" line="129"/>
        <source>the ONNX checker and shape inference passed (%1, %Ln node(s))</source>
        <translation>
            <numerusform>the ONNX checker and shape inference passed (%1, %Ln node)</numerusform>
            <numerusform>the ONNX checker and shape inference passed (%1, %Ln nodes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::studio::ModelsPage</name>
    <message numerus="yes">
        <location filename="../app/studio/models_page.cpp" line="255"/>
        <location filename="../app/studio/models_page.cpp" line="498"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::studio::PredictionsView</name>
    <message numerus="yes">
        <location filename="../app/studio/predict_dialog.cpp" line="226"/>
        <source>%Ln prediction(s) for %1 · read %2 s, inference %3 s</source>
        <translation>
            <numerusform>%Ln prediction for %1 · read %2 s, inference %3 s</numerusform>
            <numerusform>%Ln predictions for %1 · read %2 s, inference %3 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::studio::TrainPanel</name>
    <message numerus="yes">
        <location filename="../app/studio/train_panel_spec.cpp" line="132"/>
        <source> · model &lt;b&gt;%1&lt;/b&gt; · %n feature column(s)</source>
        <translation>
            <numerusform> · model &lt;b&gt;%1&lt;/b&gt; · %n feature column</numerusform>
            <numerusform> · model &lt;b&gt;%1&lt;/b&gt; · %n feature columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/train_panel_spec.cpp" line="208"/>
        <source>%n row(s) without a target are left out.</source>
        <translation>
            <numerusform>%n row without a target is left out.</numerusform>
            <numerusform>%n rows without a target are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::studio::WorkspaceEditsUi</name>
    <message numerus="yes">
        <location filename="../app/studio/workspace_edits_ui.cpp" line="245"/>
        <source>Deleted %n item(s).</source>
        <translation>
            <numerusform>Deleted %n item.</numerusform>
            <numerusform>Deleted %n items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::BoxPlotView</name>
    <message numerus="yes">
        <location filename="../widgets/box_plot_view.cpp" line="214"/>
        <source>Whiskers reach the furthest values within 1.5 × IQR of the box; %Ln value(s) lie beyond them.</source>
        <translation>
            <numerusform>Whiskers reach the furthest values within 1.5 × IQR of the box; %Ln value lies beyond them.</numerusform>
            <numerusform>Whiskers reach the furthest values within 1.5 × IQR of the box; %Ln values lie beyond them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/box_plot_view.cpp" line="259"/>
        <source>%1 · %Ln value(s)
median %2 · quartiles %3 – %4
whiskers %5 – %6</source>
        <translation>
            <numerusform>%1 · %Ln value
median %2 · quartiles %3 – %4
whiskers %5 – %6</numerusform>
            <numerusform>%1 · %Ln values
median %2 · quartiles %3 – %4
whiskers %5 – %6</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::CompareCurvesPanel</name>
    <message numerus="yes">
        <location filename="../widgets/compare_curves_panel.cpp" line="326"/>
        <source>%n hidden (click the legend)</source>
        <translation>
            <numerusform>%n hidden (click the legend)</numerusform>
            <numerusform>%n hidden (click the legend)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::CompareView</name>
    <message numerus="yes">
        <location filename="../widgets/compare_view.cpp" line="170"/>
        <source>Reading %n run(s)…</source>
        <translation>
            <numerusform>Reading %n run…</numerusform>
            <numerusform>Reading %n runs…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/compare_view.cpp" line="238"/>
        <source>%n run(s) compared</source>
        <translation>
            <numerusform>%n run compared</numerusform>
            <numerusform>%n runs compared</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ConfusionMatrixView</name>
    <message numerus="yes">
        <location filename="../widgets/confusion_matrix_view.cpp" line="71"/>
        <source>Actual %1, predicted %2: %n row(s) (%3 of actual %1)</source>
        <translation>
            <numerusform>Actual %1, predicted %2: %n row (%3 of actual %1)</numerusform>
            <numerusform>Actual %1, predicted %2: %n rows (%3 of actual %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::DriftHistoryChart</name>
    <message numerus="yes">
        <location filename="../widgets/drift_history_chart.cpp" line="221"/>
        <source>%n drift report(s) of model %1 against its training data.</source>
        <translation>
            <numerusform>%n drift report of model %1 against its training data.</numerusform>
            <numerusform>%n drift reports of model %1 against its training data.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::DriftView</name>
    <message numerus="yes">
        <location filename="../widgets/drift_view.cpp" line="154"/>
        <source>%1 · version %2 · %n row(s)</source>
        <translation>
            <numerusform>%1 · version %2 · %n row</numerusform>
            <numerusform>%1 · version %2 · %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::HistogramView</name>
    <message numerus="yes">
        <location filename="../widgets/histogram_view.cpp" line="138"/>
        <source>%Ln value(s) · %1 missing · %2 bins%3</source>
        <translation>
            <numerusform>%Ln value · %1 missing · %2 bins%3</numerusform>
            <numerusform>%Ln values · %1 missing · %2 bins%3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/histogram_view.cpp" line="158"/>
        <source>%1 – %2: %Ln value(s) (%3%)</source>
        <translation>
            <numerusform>%1 – %2: %Ln value (%3%)</numerusform>
            <numerusform>%1 – %2: %Ln values (%3%)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::NavigatorView</name>
    <message numerus="yes">
        <location filename="../widgets/navigator_view.cpp" line="207"/>
        <source>Sweep: %1 (%n trial(s))</source>
        <translation>
            <numerusform>Sweep: %1 (%n trial)</numerusform>
            <numerusform>Sweep: %1 (%n trials)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/navigator_view.cpp" line="327"/>
        <source>Delete %n Sweeps and Their Trials…</source>
        <translation>
            <numerusform>Delete %n Sweep and Its Trials…</numerusform>
            <numerusform>Delete %n Sweeps and Their Trials…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/navigator_view.cpp" line="357"/>
        <source>Delete %n Items…</source>
        <translation>
            <numerusform>Delete %n Item…</numerusform>
            <numerusform>Delete %n Items…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ParallelCoordinatesView</name>
    <message numerus="yes">
        <location filename="../widgets/parallel_coordinates_canvas.cpp" line="190"/>
        <source>Sweep: %n trial(s)</source>
        <translation>
            <numerusform>Sweep: %n trial</numerusform>
            <numerusform>Sweep: %n trials</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ParamMetricScatter</name>
    <message numerus="yes">
        <location filename="../widgets/param_metric_scatter.cpp" line="167"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::PipelinePage</name>
    <message numerus="yes">
        <location filename="../widgets/pipeline_page.cpp" line="354"/>
        <source>History (%n run(s))</source>
        <translation>
            <numerusform>History (%n run)</numerusform>
            <numerusform>History (%n runs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/pipeline_texts.cpp" line="90"/>
        <source>More than %n scheduled run(s) did not happen.</source>
        <translation>
            <numerusform>More than %n scheduled run did not happen.</numerusform>
            <numerusform>More than %n scheduled runs did not happen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/pipeline_texts.cpp" line="91"/>
        <source>%n scheduled run(s) did not happen.</source>
        <translation>
            <numerusform>%n scheduled run did not happen.</numerusform>
            <numerusform>%n scheduled runs did not happen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::RunsTableView</name>
    <message numerus="yes">
        <location filename="../widgets/runs_table_view.cpp" line="194"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/runs_table_view.cpp" line="196"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ServeView</name>
    <message numerus="yes">
        <location filename="../widgets/serve_view.cpp" line="286"/>
        <source>%n live row(s) against %1 (inputs) and %2 test rows (predictions); requests: %3.</source>
        <translation>
            <numerusform>%n live row against %1 (inputs) and %2 test rows (predictions); requests: %3.</numerusform>
            <numerusform>%n live rows against %1 (inputs) and %2 test rows (predictions); requests: %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::TableQueryBar</name>
    <message numerus="yes">
        <location filename="../widgets/table_query_bar.cpp" line="199"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/table_query_bar.cpp" line="200"/>
        <source>%1 of %Ln row(s)</source>
        <translation>
            <numerusform>%1 of %Ln row</numerusform>
            <numerusform>%1 of %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ValidationView</name>
    <message numerus="yes">
        <location filename="../widgets/validation_view.cpp" line="116"/>
        <source>%1 rows, %2 columns: %Ln finding(s).</source>
        <translation>
            <numerusform>%1 rows, %2 columns: %Ln finding.</numerusform>
            <numerusform>%1 rows, %2 columns: %Ln findings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/validation_view.cpp" line="120"/>
        <source>%Ln duplicate row(s) (row %1 repeats row %2).</source>
        <translation>
            <numerusform>%Ln duplicate row (row %1 repeats row %2).</numerusform>
            <numerusform>%Ln duplicate rows (row %1 repeats row %2).</numerusform>
        </translation>
    </message>
</context>
</TS>
