<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>kiln::studio::AboutDialog</name>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="28"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="94"/>
        <source>About Kiln</source>
        <translation>Kiln 정보</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="95"/>
        <source>Kiln Studio %1</source>
        <translation>Kiln Studio %1</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="97"/>
        <source>A native desktop workbench for machine learning: explore data, train, compare and export ONNX models.</source>
        <translation>머신러닝을 위한 네이티브 데스크톱 작업대: 데이터를 탐색하고, 학습하고, 비교하고, ONNX 모델로 내보냅니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="99"/>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="99"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="100"/>
        <source>&amp;Copy to Clipboard</source>
        <translation>클립보드에 복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="101"/>
        <source>Copy the version and environment, for a bug report</source>
        <translation>버그 보고용으로 버전과 환경 정보를 복사합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="102"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="125"/>
        <source>Reading the environment…</source>
        <translation>환경 정보를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="126"/>
        <source>Checking for CUDA…</source>
        <translation>CUDA 확인 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="130"/>
        <source>&lt;b&gt;CUDA is available.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;CUDA를 사용할 수 있습니다.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="131"/>
        <source>&lt;b&gt;CUDA is not available.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;CUDA를 사용할 수 없습니다.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="133"/>
        <source>Kiln</source>
        <translation>Kiln</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="134"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="135"/>
        <source>Build type</source>
        <translation>빌드 유형</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="136"/>
        <source>Engines</source>
        <translation>엔진</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="138"/>
        <source>not loaded: %1</source>
        <translation>로드되지 않음: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="139"/>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="140"/>
        <source>Operating system</source>
        <translation>운영체제</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="141"/>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="142"/>
        <source>Host name</source>
        <translation>호스트 이름</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="143"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="144"/>
        <source>Cores</source>
        <translation>코어</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="145"/>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="146"/>
        <source>Libraries</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="147"/>
        <source>Compiler</source>
        <translation>컴파일러</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="148"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="149"/>
        <source>LibTorch</source>
        <translation>LibTorch</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="150"/>
        <source>%1 (threads: %2)</source>
        <translation>%1 (스레드: %2)</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="151"/>
        <source>OpenCV</source>
        <translation>OpenCV</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="152"/>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="153"/>
        <source>BLAS</source>
        <translation>BLAS</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="154"/>
        <source>Acceleration</source>
        <translation>가속</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="155"/>
        <source>CUDA available</source>
        <translation>CUDA 사용 가능</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="155"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="155"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="156"/>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="157"/>
        <source>CUDA version</source>
        <translation>CUDA 버전</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="159"/>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="160"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="161"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="161"/>
        <source>none found</source>
        <translation>찾을 수 없음</translation>
    </message>
</context>
<context>
    <name>kiln::studio::CategoryOrderDialog</name>
    <message>
        <location filename="../app/studio/category_order_dialog.cpp" line="19"/>
        <source>Order of %1</source>
        <translation>%1의 순서</translation>
    </message>
    <message>
        <location filename="../app/studio/category_order_dialog.cpp" line="25"/>
        <source>Put the values of %1 from lowest to highest. Charts show them in this order and the column is stored as ordered categories.</source>
        <translation>%1의 값을 낮은 것에서 높은 것 순으로 놓으세요. 차트는 이 순서로 보여 주고, 열은 순서 있는 범주로 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/category_order_dialog.cpp" line="36"/>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <location filename="../app/studio/category_order_dialog.cpp" line="38"/>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <location filename="../app/studio/category_order_dialog.cpp" line="40"/>
        <source>Sort</source>
        <translation>정렬</translation>
    </message>
    <message>
        <location filename="../app/studio/category_order_dialog.cpp" line="42"/>
        <source>Numbers inside the values are read as numbers: 2 before 10.</source>
        <translation>값 안의 숫자는 숫자로 읽습니다: 2가 10보다 앞.</translation>
    </message>
    <message>
        <location filename="../app/studio/category_order_dialog.cpp" line="43"/>
        <source>Reverse</source>
        <translation>뒤집기</translation>
    </message>
    <message>
        <location filename="../app/studio/category_order_dialog.cpp" line="57"/>
        <source>No order</source>
        <translation>순서 없음</translation>
    </message>
</context>
<context>
    <name>kiln::studio::ColumnChoicesTable</name>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="167"/>
        <source>Named &apos;%1&apos; in the file; double-click to rename</source>
        <translation>파일에서의 이름은 &apos;%1&apos;입니다. 두 번 클릭해 이름을 바꿉니다</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="168"/>
        <source>Double-click to rename</source>
        <translation>두 번 클릭해 이름을 바꿉니다</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="142"/>
        <source>as detected</source>
        <translation>감지된 대로</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="143"/>
        <source>date, day first (31/01/2024)</source>
        <translation>날짜, 일이 먼저 (31/01/2024)</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="144"/>
        <source>date, month first (01/31/2024)</source>
        <translation>날짜, 월이 먼저 (01/31/2024)</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="189"/>
        <source>Order…</source>
        <translation>순서…</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="197"/>
        <source>More than %1 different values in the first rows: too many to order here (kiln import --order takes any number).</source>
        <translation>첫 행들에 서로 다른 값이 %1개보다 많아 여기서 순서를 정하기 어렵습니다(kiln import --order는 개수 제한이 없습니다).</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="201"/>
        <source>Put the values in an order, low to high (age groups, grades, sizes).</source>
        <translation>값을 낮은 것에서 높은 것 순으로 놓습니다(연령대, 등급, 크기).</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="214"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="214"/>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="214"/>
        <source>Detected</source>
        <translation>감지됨</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="214"/>
        <source>Import as</source>
        <translation>가져올 형식</translation>
    </message>
    <message>
        <location filename="../app/studio/column_choices_table.cpp" line="214"/>
        <source>Order</source>
        <translation>순서</translation>
    </message>
</context>
<context>
    <name>kiln::studio::CompareUi</name>
    <message>
        <location filename="../app/studio/compare_ui.cpp" line="36"/>
        <source>&amp;Runs</source>
        <translation>실행 목록(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/studio/compare_ui.cpp" line="37"/>
        <source>Every run of the workspace in a table: sort, filter, compare</source>
        <translation>작업 공간의 모든 실행을 표로 보기: 정렬, 필터, 비교</translation>
    </message>
    <message>
        <location filename="../app/studio/compare_ui.cpp" line="38"/>
        <source>&amp;Sweep…</source>
        <translation>스윕(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/studio/compare_ui.cpp" line="39"/>
        <source>Sweep hyper-parameters: many runs, the best one named</source>
        <translation>하이퍼파라미터 스윕: 여러 실행 중 가장 좋은 실행을 찾습니다</translation>
    </message>
    <message>
        <location filename="../app/studio/compare_ui.cpp" line="44"/>
        <location filename="../app/studio/compare_ui.cpp" line="77"/>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/compare_ui.cpp" line="46"/>
        <location filename="../app/studio/compare_ui.cpp" line="88"/>
        <source>Compare (%n run(s))</source>
        <translation>
            <numerusform>비교 (실행 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/compare_ui.cpp" line="48"/>
        <location filename="../app/studio/compare_ui.cpp" line="119"/>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
</context>
<context>
    <name>kiln::studio::DatabaseImportDialog</name>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="312"/>
        <source>Open SQLite Database</source>
        <translation>SQLite 데이터베이스 열기</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="313"/>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite 데이터베이스 (*.db *.sqlite *.sqlite3);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="333"/>
        <source>Connecting to %1…</source>
        <translation>%1에 연결하는 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/database_import_dialog.cpp" line="362"/>
        <source>Connected: %n table(s) and view(s).</source>
        <translation>
            <numerusform>연결됨: 테이블과 뷰 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="363"/>
        <source>Pick a table, or write a query and preview it.</source>
        <translation>테이블을 고르거나, 쿼리를 작성해 미리 보세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="367"/>
        <source>Cannot connect: %1</source>
        <translation>연결할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="394"/>
        <source>Reading the first rows…</source>
        <translation>처음 행들을 읽는 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/database_import_dialog.cpp" line="424"/>
        <source>%n column(s) · types from the database; the first %1 rows shown.</source>
        <translation>
            <numerusform>열 %n개 · 형식은 데이터베이스에서 가져옵니다. 처음 %1개 행을 표시합니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="428"/>
        <source>This cannot be imported as it is: %1</source>
        <translation>이대로는 가져올 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="440"/>
        <source>Import from Database</source>
        <translation>데이터베이스에서 가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="441"/>
        <source>Connection:</source>
        <translation>연결:</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="442"/>
        <source>postgresql://user@host:5432/db, service=name, or sqlite:/path/file.db</source>
        <translation>postgresql://사용자@호스트:5432/db, service=이름, 또는 sqlite:/경로/파일.db</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="443"/>
        <source>SQLite File…</source>
        <translation>SQLite 파일…</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="444"/>
        <source>Host:</source>
        <translation>호스트:</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="445"/>
        <source>Port:</source>
        <translation>포트:</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="446"/>
        <source>Database:</source>
        <translation>데이터베이스:</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="447"/>
        <source>User:</source>
        <translation>사용자:</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="448"/>
        <source>Password:</source>
        <translation>비밀번호:</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="449"/>
        <source>Kept for this session only, never stored. Leave it empty to use ~/.pgpass, $PGPASSWORD or a service file.</source>
        <translation>이번 세션 동안만 기억하며 어디에도 저장하지 않습니다. 비워 두면 ~/.pgpass, $PGPASSWORD 또는 서비스 파일을 씁니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="451"/>
        <source>Test Connection</source>
        <translation>연결 시험</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="452"/>
        <source>A table or view:</source>
        <translation>테이블 또는 뷰:</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="453"/>
        <source>The rows of a query:</source>
        <translation>쿼리 결과 행:</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="454"/>
        <source>SELECT … FROM … WHERE …</source>
        <translation>SELECT … FROM … WHERE …</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="455"/>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="456"/>
        <source>Dataset name:</source>
        <translation>데이터셋 이름:</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="457"/>
        <source>Columns (untick to leave one out, double-click a name to rename it):</source>
        <translation>열 (체크를 해제하면 제외, 이름을 두 번 클릭하면 이름 바꾸기):</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="459"/>
        <source>First rows, as they will be read:</source>
        <translation>읽힐 모습 그대로의 처음 행들:</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="460"/>
        <location filename="../app/studio/database_import_dialog.cpp" line="471"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/database_import_dialog.cpp" line="461"/>
        <source>Connect to list the tables.</source>
        <translation>연결하면 테이블 목록이 나옵니다.</translation>
    </message>
</context>
<context>
    <name>kiln::studio::EditActions</name>
    <message>
        <location filename="../app/studio/edit_actions.cpp" line="64"/>
        <source>Copy the selected cells of a table (tab-separated) or the selected text</source>
        <translation>표에서 선택한 셀(탭으로 구분) 또는 선택한 텍스트를 복사</translation>
    </message>
    <message>
        <location filename="../app/studio/edit_actions.cpp" line="66"/>
        <source>Delete the selected datasets, runs or models in the navigator</source>
        <translation>탐색기에서 선택한 데이터셋, 실행, 모델을 삭제</translation>
    </message>
    <message>
        <location filename="../app/studio/edit_actions.cpp" line="86"/>
        <source>Keyboard Shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <location filename="../app/studio/edit_actions.cpp" line="89"/>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <location filename="../app/studio/edit_actions.cpp" line="89"/>
        <source>Does</source>
        <translation>동작</translation>
    </message>
    <message>
        <location filename="../app/studio/edit_actions.cpp" line="108"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/studio/edit_actions.cpp" line="109"/>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/studio/edit_actions.cpp" line="110"/>
        <source>Copy the selected cells or text (Ctrl+C where you are)</source>
        <translation>선택한 셀이나 텍스트를 복사합니다 (해당 위치에서 Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../app/studio/edit_actions.cpp" line="111"/>
        <source>&amp;Close Tab</source>
        <translation>탭 닫기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/studio/edit_actions.cpp" line="112"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
</context>
<context>
    <name>kiln::studio::EntryPage</name>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="38"/>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="39"/>
        <source>The table, column profiles and charts of this dataset open here.</source>
        <translation>이 데이터셋의 표, 열 프로파일, 차트가 여기에 열립니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="42"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="43"/>
        <source>The curves, log and evaluation of this run open here.</source>
        <translation>이 실행의 곡선, 로그, 평가가 여기에 열립니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="46"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="47"/>
        <source>The versions, lineage and ONNX export of this model open here.</source>
        <translation>이 모델의 버전, 계보, ONNX 내보내기가 여기에 열립니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="50"/>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="51"/>
        <source>The comparison of this sweep&apos;s trials opens here.</source>
        <translation>이 스윕의 시도 비교가 여기에 열립니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="54"/>
        <source>Pipeline</source>
        <translation>파이프라인</translation>
    </message>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="55"/>
        <source>The steps, runs and drift of this pipeline open here.</source>
        <translation>이 파이프라인의 단계, 실행 기록과 드리프트가 여기에 열립니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/entry_page.cpp" line="60"/>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; · id &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p style=&apos;color:gray&apos;&gt;%4&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; · ID &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p style=&apos;color:gray&apos;&gt;%4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>kiln::studio::EnvironmentTexts</name>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="30"/>
        <source>Compiler</source>
        <translation>컴파일러</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="31"/>
        <source>Processor</source>
        <translation>프로세서</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="32"/>
        <source>CPU cores</source>
        <translation>CPU 코어</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="33"/>
        <source>CUDA available</source>
        <translation>CUDA 사용 가능</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="34"/>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="35"/>
        <source>CUDA version</source>
        <translation>CUDA 버전</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="36"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="37"/>
        <source>Host name</source>
        <translation>호스트 이름</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="38"/>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="39"/>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="40"/>
        <source>Operating system</source>
        <translation>운영 체제</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="41"/>
        <source>Torch threads</source>
        <translation>Torch 스레드</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="46"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="46"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../app/studio/environment_texts.cpp" line="52"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>kiln::studio::ExportResultDialog</name>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="84"/>
        <source>ONNX Export</source>
        <translation>ONNX 내보내기</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="88"/>
        <source>The file was checked and read back from disk; it reproduces the trained model on %1 held-out rows.</source>
        <translation>파일을 검사하고 디스크에서 다시 읽었습니다. 검증용 %1개 행에서 학습된 모델과 같은 결과를 냅니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="96"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="97"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="99"/>
        <source>ONNX checker</source>
        <translation>ONNX 검사기</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="101"/>
        <source>Rows compared</source>
        <translation>비교한 행</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="102"/>
        <source>Held-out rows run through the file and through the trained model</source>
        <translation>파일과 학습된 모델 양쪽에 통과시킨 검증용 행</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="104"/>
        <source>Max |Δ probability|</source>
        <translation>최대 |Δ 확률|</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="105"/>
        <location filename="../app/studio/export_dialog.cpp" line="110"/>
        <source>%1 (tolerance %2)</source>
        <translation>%1 (허용 오차 %2)</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="107"/>
        <source>Labels differing</source>
        <translation>다른 레이블</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="109"/>
        <source>Max relative error</source>
        <translation>최대 상대 오차</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="112"/>
        <source>Max |Δ value|</source>
        <translation>최대 |Δ 값|</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="114"/>
        <source>File size</source>
        <translation>파일 크기</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="115"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2바이트)</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="117"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="118"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="119"/>
        <source>%1 s in all, %2 s verifying</source>
        <translation>전체 %1초, 검증 %2초</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="93"/>
        <source>Copy SHA-256</source>
        <translation>SHA-256 복사</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/export_dialog.cpp" line="129"/>
        <source>the ONNX checker and shape inference passed (%1, %Ln node(s))</source>
        <translation>
            <numerusform>ONNX 검사기와 형상 추론 통과 (%1, 노드 %Ln개)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="139"/>
        <source>✔ Verified — the ONNX file matches the trained model</source>
        <translation>✔ 검증됨 — ONNX 파일이 학습된 모델과 일치합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/export_dialog.cpp" line="140"/>
        <source>✘ Export failed — the file was not written</source>
        <translation>✘ 내보내기 실패 — 파일을 쓰지 않았습니다</translation>
    </message>
</context>
<context>
    <name>kiln::studio::ExportUi</name>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="157"/>
        <source>Export ONNX</source>
        <translation>ONNX 내보내기</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="158"/>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="221"/>
        <location filename="../app/studio/export_ui.cpp" line="261"/>
        <source>Register as Model</source>
        <translation>모델로 등록</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="222"/>
        <source>Register run %1 as a new version of the model named:</source>
        <translation>실행 %1을(를) 다음 이름의 모델의 새 버전으로 등록:</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="262"/>
        <source>The run could not be registered.

%1</source>
        <translation>실행을 등록하지 못했습니다.

%1</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="286"/>
        <location filename="../app/studio/export_ui.cpp" line="355"/>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="333"/>
        <location filename="../app/studio/export_ui.cpp" line="357"/>
        <source>Predictions · %1</source>
        <translation>예측 · %1</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="335"/>
        <source>Predict</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="336"/>
        <source>The predictions could not be made.

%1</source>
        <translation>예측하지 못했습니다.

%1</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="344"/>
        <source>&amp;Export ONNX…</source>
        <translation>ONNX 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="345"/>
        <source>Export the current run as a verified ONNX model with its preprocessing</source>
        <translation>현재 실행을 전처리를 포함한 검증된 ONNX 모델로 내보냅니다</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="346"/>
        <source>Register as &amp;Model…</source>
        <translation>모델로 등록(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="348"/>
        <source>Export, verify and evaluate the current run and record it as a model version</source>
        <translation>현재 실행을 내보내고 검증·평가한 뒤 모델 버전으로 기록합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="349"/>
        <source>M&amp;odels</source>
        <translation>모델(&amp;O)</translation>
    </message>
    <message>
        <location filename="../app/studio/export_ui.cpp" line="350"/>
        <source>Registered models, their versions, stages and figures</source>
        <translation>등록된 모델과 버전, 단계, 수치</translation>
    </message>
</context>
<context>
    <name>kiln::studio::HostData</name>
    <message>
        <location filename="../app/studio/host_data.cpp" line="120"/>
        <source>1 CPU core</source>
        <translation>CPU 코어 1개</translation>
    </message>
    <message>
        <location filename="../app/studio/host_data.cpp" line="121"/>
        <source>%1 CPU cores</source>
        <translation>CPU 코어 %1개</translation>
    </message>
    <message>
        <location filename="../app/studio/host_data.cpp" line="123"/>
        <source>, 1 CUDA GPU</source>
        <translation>, CUDA GPU 1개</translation>
    </message>
    <message>
        <location filename="../app/studio/host_data.cpp" line="126"/>
        <source>, %1 CUDA GPUs</source>
        <translation>, CUDA GPU %1개</translation>
    </message>
</context>
<context>
    <name>kiln::studio::HostFormDialog</name>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="80"/>
        <source>Add Host</source>
        <translation>호스트 추가</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="82"/>
        <source>Kiln reaches the host with your OpenSSH setup (keys, agent, ~/.ssh/config) and stores no password or key. The host needs Kiln installed.</source>
        <translation>Kiln은 사용자의 OpenSSH 설정(키, 에이전트, ~/.ssh/config)으로 호스트에 접속하며 비밀번호나 키를 저장하지 않습니다. 호스트에는 Kiln이 설치되어 있어야 합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="87"/>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="88"/>
        <source>SSH target:</source>
        <translation>SSH 대상:</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="89"/>
        <source>Kiln on the host:</source>
        <translation>호스트의 Kiln:</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="90"/>
        <source>Folder on the host:</source>
        <translation>호스트의 폴더:</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="92"/>
        <source>Identity file:</source>
        <translation>인증 키 파일:</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="93"/>
        <source>e.g. gpu-box</source>
        <translation>예: gpu-box</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="94"/>
        <source>USER@HOST or USER@HOST:PORT</source>
        <translation>USER@HOST 또는 USER@HOST:PORT</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="95"/>
        <source>Optional: the SSH agent or ~/.ssh/config is used</source>
        <translation>선택 사항: 비우면 SSH 에이전트나 ~/.ssh/config를 사용합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="98"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="99"/>
        <source>Keep a finished run&apos;s folder on the host</source>
        <translation>끝난 실행의 폴더를 호스트에 남겨 두기</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="106"/>
        <source>Name the host.</source>
        <translation>호스트 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="108"/>
        <source>A host name has 1 to 64 characters, is not &quot;local&quot; and does not start with &apos;-&apos;.</source>
        <translation>호스트 이름은 1~64자이며 &quot;local&quot;일 수 없고 &apos;-&apos;로 시작할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="111"/>
        <source>Write how to reach the host: USER@HOST[:PORT].</source>
        <translation>호스트 접속 주소를 입력하세요: USER@HOST[:PORT].</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="113"/>
        <source>Write the target as USER@HOST or USER@HOST:PORT (port 1 to 65535).</source>
        <translation>대상은 USER@HOST 또는 USER@HOST:PORT 형식으로 입력하세요(포트 1~65535).</translation>
    </message>
    <message>
        <location filename="../app/studio/host_form_dialog.cpp" line="128"/>
        <source>Choose Identity File</source>
        <translation>인증 키 파일 선택</translation>
    </message>
</context>
<context>
    <name>kiln::studio::HostsPage</name>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="120"/>
        <source>(default: ~/.cache/kiln/remote)</source>
        <translation>(기본값: ~/.cache/kiln/remote)</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="123"/>
        <source>Key from the SSH agent or ~/.ssh/config</source>
        <translation>SSH 에이전트나 ~/.ssh/config의 키</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="124"/>
        <source>Identity file: %1</source>
        <translation>인증 키 파일: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="131"/>
        <source>Could not read the hosts: %1</source>
        <translation>호스트 목록을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="181"/>
        <source>Could not add %1: %2</source>
        <translation>%1을(를) 추가할 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="192"/>
        <source>Remove Host</source>
        <translation>호스트 제거</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="193"/>
        <source>Remove the host %1?</source>
        <translation>호스트 %1을(를) 제거할까요?</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="197"/>
        <source>Runs recorded on it stay in the catalog, and the files on the host are kept.</source>
        <translation>이 호스트에서 기록된 실행은 카탈로그에 남고, 호스트의 파일도 유지됩니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="212"/>
        <source>Could not remove %1: %2</source>
        <translation>%1을(를) 제거할 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="256"/>
        <source>Trust Host Key</source>
        <translation>호스트 키 신뢰</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="257"/>
        <source>Trust this key for %1?

%2</source>
        <translation>%1의 이 키를 신뢰할까요?

%2</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="261"/>
        <source>Only trust it if it is the host&apos;s key: compare the fingerprint with what `ssh-keygen -lf` shows for the host&apos;s key on the host itself, or ask its administrator. Kiln will then connect only to a host that has this key.</source>
        <translation>호스트의 키가 맞을 때만 신뢰하세요. 호스트에서 직접 `ssh-keygen -lf`로 본 호스트 키의 지문과 비교하거나 관리자에게 확인하세요. 이후 Kiln은 이 키를 가진 호스트에만 접속합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="280"/>
        <source>Could not trust the key of %1: %2</source>
        <translation>%1의 키를 신뢰할 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="301"/>
        <source>Open a workspace to manage its hosts.</source>
        <translation>호스트를 관리하려면 작업 공간을 여세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="303"/>
        <source>No hosts yet. Add one to train on a bigger machine over SSH.</source>
        <translation>아직 호스트가 없습니다. 호스트를 추가하면 SSH로 더 큰 컴퓨터에서 학습할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="305"/>
        <source>Testing %1: connecting, running its kiln…</source>
        <translation>%1 테스트 중: 접속하여 kiln을 실행하는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="307"/>
        <source>Press Test to connect to %1 and see what it offers.</source>
        <translation>테스트를 누르면 %1에 접속하여 사용할 수 있는 장치를 확인합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="317"/>
        <source>&lt;b&gt;The host key of %1 is not known yet.&lt;/b&gt; It offers:</source>
        <translation>&lt;b&gt;%1의 호스트 키를 아직 모릅니다.&lt;/b&gt; 호스트가 제시한 키:</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="320"/>
        <source>Check the fingerprint with the host&apos;s administrator before you trust it: a key you do not expect may mean someone intercepts the connection.</source>
        <translation>신뢰하기 전에 호스트 관리자에게 지문을 확인하세요. 예상하지 못한 키라면 누군가 연결을 가로채고 있을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="323"/>
        <source>&lt;b&gt;Could not use %1.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1을(를) 사용할 수 없습니다.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="327"/>
        <source>worker protocol %1, compatible</source>
        <translation>작업자 프로토콜 %1, 호환됨</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="329"/>
        <source>worker protocol %1, but this Kiln speaks %2: runs cannot go there</source>
        <translation>작업자 프로토콜 %1이지만 이 Kiln은 %2을(를) 사용합니다: 이 호스트에서는 실행할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="333"/>
        <source>not available: %1</source>
        <translation>사용 불가: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="335"/>
        <source>&lt;b&gt;%1 answered.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1이(가) 응답했습니다.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="336"/>
        <location filename="../app/studio/hosts_page.cpp" line="352"/>
        <source>Kiln</source>
        <translation>Kiln</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="337"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="337"/>
        <source>%1 cores · %2</source>
        <translation>코어 %1개 · %2</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="338"/>
        <source>CUDA GPUs</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="338"/>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="350"/>
        <source>Hosts are machines that train this workspace&apos;s runs over SSH. Kiln uses your OpenSSH setup and checks every host&apos;s key.</source>
        <translation>호스트는 이 작업 공간의 실행을 SSH로 학습하는 컴퓨터입니다. Kiln은 사용자의 OpenSSH 설정을 사용하며 모든 호스트의 키를 확인합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="352"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="352"/>
        <source>SSH target</source>
        <translation>SSH 대상</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="352"/>
        <source>Folder on the host</source>
        <translation>호스트의 폴더</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="353"/>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="354"/>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="355"/>
        <source>Remove…</source>
        <translation>제거…</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="356"/>
        <source>Test result</source>
        <translation>테스트 결과</translation>
    </message>
    <message>
        <location filename="../app/studio/hosts_page.cpp" line="357"/>
        <source>Trust This Key…</source>
        <translation>이 키 신뢰…</translation>
    </message>
</context>
<context>
    <name>kiln::studio::ImportPreviewDialog</name>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="196"/>
        <source>Reading the start of the file…</source>
        <translation>파일 앞부분을 읽는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="261"/>
        <source>Skip lines that are not JSON objects (and list them)</source>
        <translation>JSON 객체가 아닌 줄은 건너뛰기 (목록으로 표시)</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="263"/>
        <source>CSV/TSV text</source>
        <translation>CSV/TSV 텍스트</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="263"/>
        <source>Parquet</source>
        <translation>Parquet</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="263"/>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="263"/>
        <source>Excel workbook</source>
        <translation>Excel 통합 문서</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="267"/>
        <source>Left out or changed: %1</source>
        <translation>제외되거나 바뀐 것: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="277"/>
        <source>comma</source>
        <translation>쉼표</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="277"/>
        <source>semicolon</source>
        <translation>세미콜론</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="277"/>
        <source>tab</source>
        <translation>탭</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="278"/>
        <source>pipe</source>
        <translation>파이프</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="279"/>
        <location filename="../app/studio/import_preview_dialog.cpp" line="282"/>
        <source>Detect (%1)</source>
        <translation>자동 감지 (%1)</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="282"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="287"/>
        <source>This file cannot be imported as it is: %1</source>
        <translation>이 파일은 그대로 가져올 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="289"/>
        <source>%1 bytes · types from the file&apos;s schema; the import reads every row group.</source>
        <translation>%1바이트 · 형식은 파일의 스키마에서 가져옵니다. 가져오기는 모든 행 그룹을 읽습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="292"/>
        <source>%1 bytes · types inferred from the first %2 records; the import checks every row and widens a type that does not fit.</source>
        <translation>%1바이트 · 처음 %2개 레코드로 형식을 추론했습니다. 가져오기는 모든 행을 검사하고 맞지 않는 형식은 넓힙니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="299"/>
        <source>Import %1</source>
        <translation>%1 가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="300"/>
        <source>Dataset name:</source>
        <translation>데이터셋 이름:</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="301"/>
        <source>Use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (no spaces or &apos;@&apos;), not starting with &apos;-&apos; or &apos;.&apos;.</source>
        <translation>문자, 숫자, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;만 쓸 수 있습니다(공백과 &apos;@&apos;는 안 됨). &apos;-&apos;나 &apos;.&apos;로 시작할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="303"/>
        <source>Encoding:</source>
        <translation>인코딩:</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="304"/>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="305"/>
        <source>Sheet:</source>
        <translation>시트:</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="306"/>
        <source>Delimiter:</source>
        <translation>구분자:</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="283"/>
        <location filename="../app/studio/import_preview_dialog.cpp" line="307"/>
        <source>Detect</source>
        <translation>자동 감지</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="282"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="284"/>
        <source>Yes: 3,14 reads as 3.14</source>
        <translation>예: 3,14를 3.14로 읽음</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="285"/>
        <source>No: the decimal mark is a point</source>
        <translation>아니요: 소수점은 마침표</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="307"/>
        <source>Comma ( , )</source>
        <translation>쉼표 ( , )</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="307"/>
        <source>Semicolon ( ; )</source>
        <translation>세미콜론 ( ; )</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="307"/>
        <source>Tab</source>
        <translation>탭</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="308"/>
        <source>Pipe ( | )</source>
        <translation>파이프 ( | )</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="310"/>
        <source>The first row names the columns</source>
        <translation>첫 행이 열 이름입니다</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="311"/>
        <source>Decimal comma:</source>
        <translation>소수점 쉼표:</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="262"/>
        <source>Skip rows with the wrong number of fields (and list them)</source>
        <translation>필드 수가 맞지 않는 행은 건너뛰기 (목록으로 표시)</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="312"/>
        <source>Columns (untick to leave one out, double-click a name to rename it):</source>
        <translation>열(체크를 해제하면 빠지고, 이름을 두 번 클릭하면 바꿀 수 있습니다):</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="314"/>
        <source>First rows, as they will be read:</source>
        <translation>읽히게 될 처음 행들:</translation>
    </message>
    <message>
        <location filename="../app/studio/import_preview_dialog.cpp" line="315"/>
        <location filename="../app/studio/import_preview_dialog.cpp" line="324"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
</context>
<context>
    <name>kiln::studio::MainWindow</name>
    <message>
        <location filename="../app/studio/main_window.cpp" line="200"/>
        <source>Kiln Studio</source>
        <translation>Kiln Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="201"/>
        <source>%1 — Kiln Studio</source>
        <translation>%1 — Kiln Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="202"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="203"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="204"/>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="205"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="206"/>
        <source>Navigator</source>
        <translation>탐색기</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="207"/>
        <source>Jobs</source>
        <translation>작업</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="208"/>
        <source>Welcome</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="128"/>
        <source>&amp;New Workspace…</source>
        <translation>새 작업 공간(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="129"/>
        <source>Create a workspace in a folder you choose</source>
        <translation>선택한 폴더에 작업 공간을 만듭니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="130"/>
        <source>&amp;Open Workspace…</source>
        <translation>작업 공간 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="131"/>
        <source>Open an existing Kiln workspace</source>
        <translation>기존 Kiln 작업 공간을 엽니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="132"/>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="134"/>
        <source>Import Image &amp;Folder…</source>
        <translation>이미지 폴더 가져오기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="135"/>
        <source>Import a folder of images, one sub-folder per class</source>
        <translation>클래스마다 하위 폴더가 하나인 이미지 폴더 가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="136"/>
        <source>Import from &amp;Database…</source>
        <translation>데이터베이스에서 가져오기(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="137"/>
        <source>Import a table or a query&apos;s rows from PostgreSQL or a SQLite file</source>
        <translation>PostgreSQL 또는 SQLite 파일에서 테이블이나 쿼리 결과 행을 가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="138"/>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="139"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="140"/>
        <source>&amp;Full Screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="141"/>
        <source>&amp;Verify Workspace Objects</source>
        <translation>작업 공간 객체 검증(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="142"/>
        <source>Re-hash every stored object and report any that are corrupt</source>
        <translation>저장된 모든 객체의 해시를 다시 계산하고 손상된 객체를 보고합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="143"/>
        <source>&amp;Free Unused Space…</source>
        <translation>사용하지 않는 공간 비우기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="144"/>
        <source>Remove stored data that no dataset, run or model uses any more</source>
        <translation>어떤 데이터셋, 실행, 모델도 더 이상 쓰지 않는 저장 데이터를 지웁니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="145"/>
        <source>&amp;About Kiln</source>
        <translation>Kiln 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="146"/>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="220"/>
        <source>Detecting devices…</source>
        <translation>장치 확인 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="224"/>
        <source>CUDA · %1</source>
        <translation>CUDA · %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="225"/>
        <source>CPU · 1 core</source>
        <translation>CPU · 코어 1개</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="225"/>
        <source>CPU · %1 cores</source>
        <translation>CPU · 코어 %1개</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="230"/>
        <source>No jobs running</source>
        <translation>실행 중인 작업 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="231"/>
        <source>1 job running</source>
        <translation>작업 1개 실행 중</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="231"/>
        <source>%1 jobs running</source>
        <translation>작업 %1개 실행 중</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="235"/>
        <source>No workspace open</source>
        <translation>열린 작업 공간 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="236"/>
        <source>Workspace: %1</source>
        <translation>작업 공간: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="260"/>
        <source>Cannot Open Workspace</source>
        <translation>작업 공간을 열 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="261"/>
        <source>The workspace at %1 could not be opened.</source>
        <translation>%1의 작업 공간을 열 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="294"/>
        <source>Could not read the catalog: %1</source>
        <translation>카탈로그를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="336"/>
        <source>All %1 objects match their hashes</source>
        <translation>객체 %1개 모두 해시가 일치합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="337"/>
        <source>%1 of %2 objects are corrupt</source>
        <translation>객체 %2개 중 %1개가 손상되었습니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="345"/>
        <source>Importing 1 item</source>
        <translation>항목 1개 가져오는 중</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="345"/>
        <source>Importing %1 items</source>
        <translation>항목 %1개 가져오는 중</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="441"/>
        <source>Tables (*.csv *.tsv *.txt *.parquet *.jsonl *.ndjson *.json *.xlsx);;All files (*)</source>
        <translation>표 (*.csv *.tsv *.txt *.parquet *.jsonl *.ndjson *.json *.xlsx);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="449"/>
        <source>Import Image Folder</source>
        <translation>이미지 폴더 가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="421"/>
        <source>Choose a Folder for the New Workspace</source>
        <translation>새 작업 공간 폴더 선택</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_menus.cpp" line="133"/>
        <source>Import CSV/TSV, Parquet, JSON Lines or Excel files into the workspace</source>
        <translation>CSV/TSV, Parquet, JSON Lines 또는 Excel 파일을 작업 공간으로 가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="427"/>
        <location filename="../app/studio/main_window.cpp" line="431"/>
        <source>Open Workspace</source>
        <translation>작업 공간 열기</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="432"/>
        <source>%1 holds no Kiln workspace. Create one there?</source>
        <translation>%1에 Kiln 작업 공간이 없습니다. 여기에 만드시겠습니까?</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="440"/>
        <source>Import Data</source>
        <translation>데이터 가져오기</translation>
    </message>
</context>
<context>
    <name>kiln::studio::ModelsPage</name>
    <message numerus="yes">
        <location filename="../app/studio/models_page.cpp" line="255"/>
        <location filename="../app/studio/models_page.cpp" line="498"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>버전 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="266"/>
        <source>version %1</source>
        <translation>버전 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="278"/>
        <source>✔ verified</source>
        <translation>✔ 검증됨</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="278"/>
        <source>✘ not verified</source>
        <translation>✘ 검증 안 됨</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="282"/>
        <source>%1 / %2 / %3 ms</source>
        <translation>%1 / %2 / %3 ms</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="290"/>
        <source>%1 rows/s</source>
        <translation>초당 %1행</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="293"/>
        <source>Double-click to open the run</source>
        <translation>두 번 클릭하면 실행을 엽니다</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="370"/>
        <source>No models yet. Register a completed run: open it and press Register as Model…</source>
        <translation>아직 모델이 없습니다. 완료된 실행을 열고 ‘모델로 등록…’을 누르세요</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="372"/>
        <source>Select a version</source>
        <translation>버전을 선택하세요</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="390"/>
        <source>Lineage</source>
        <translation>계보</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="391"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="392"/>
        <location filename="../app/studio/models_page.cpp" line="486"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="393"/>
        <location filename="../app/studio/models_page.cpp" line="486"/>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="395"/>
        <source>Registered</source>
        <translation>등록 시각</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="396"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="397"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="406"/>
        <location filename="../app/studio/models_page.cpp" line="487"/>
        <source>Verification</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="407"/>
        <source>✔ passed</source>
        <translation>✔ 통과</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="407"/>
        <source>✘ failed</source>
        <translation>✘ 실패</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="408"/>
        <source>Checker</source>
        <translation>검사기</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="410"/>
        <source>Rows compared</source>
        <translation>비교한 행</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="412"/>
        <source>Max |Δ probability|</source>
        <translation>최대 |Δ 확률|</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="414"/>
        <source>Labels differing</source>
        <translation>다른 레이블</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="417"/>
        <source>Max relative error</source>
        <translation>최대 상대 오차</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="420"/>
        <source>Tolerance</source>
        <translation>허용 오차</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="424"/>
        <source>System evaluation</source>
        <translation>시스템 평가</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="426"/>
        <source>Not evaluated</source>
        <translation>평가 안 됨</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="428"/>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="428"/>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="429"/>
        <source>Test rows</source>
        <translation>테스트 행</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="430"/>
        <source>Latency p50</source>
        <translation>지연 p50</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="430"/>
        <location filename="../app/studio/models_page.cpp" line="431"/>
        <location filename="../app/studio/models_page.cpp" line="432"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="431"/>
        <source>Latency p95</source>
        <translation>지연 p95</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="432"/>
        <source>Latency p99</source>
        <translation>지연 p99</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="435"/>
        <location filename="../app/studio/models_page.cpp" line="488"/>
        <source>Throughput</source>
        <translation>처리량</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="435"/>
        <source>%1 rows/s at batch 64</source>
        <translation>배치 64에서 초당 %1행</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="436"/>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="454"/>
        <source>Set Stage</source>
        <translation>단계 설정</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="461"/>
        <location filename="../app/studio/models_page.cpp" line="481"/>
        <source>Predict…</source>
        <translation>예측…</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="464"/>
        <location filename="../app/studio/models_page.cpp" line="482"/>
        <source>Serve…</source>
        <translation>서비스…</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="466"/>
        <source>Open Run</source>
        <translation>실행 열기</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="471"/>
        <source>Staging</source>
        <translation>스테이징</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="472"/>
        <source>Production</source>
        <translation>프로덕션</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="473"/>
        <source>Archived</source>
        <translation>보관됨</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="474"/>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="478"/>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="479"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="480"/>
        <source>Stage:</source>
        <translation>단계:</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="483"/>
        <source>Answer predictions of this version over HTTP, with its traffic logged</source>
        <translation>이 버전의 예측을 HTTP로 제공하고 트래픽을 기록합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="486"/>
        <source>Model / version</source>
        <translation>모델 / 버전</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="486"/>
        <source>Stage</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="487"/>
        <source>Accuracy / R²</source>
        <translation>정확도 / R²</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="487"/>
        <source>Latency p50/p95/p99</source>
        <translation>지연 p50/p95/p99</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="494"/>
        <source>Could not read the registry: %1</source>
        <translation>레지스트리를 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="496"/>
        <source>1 model</source>
        <translation>모델 1개</translation>
    </message>
    <message>
        <location filename="../app/studio/models_page.cpp" line="496"/>
        <source>%1 models</source>
        <translation>모델 %1개</translation>
    </message>
</context>
<context>
    <name>kiln::studio::PipelinesUi</name>
    <message>
        <location filename="../app/studio/pipelines_ui.cpp" line="55"/>
        <source>Open &amp;Pipeline…</source>
        <translation>파이프라인 열기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/studio/pipelines_ui.cpp" line="56"/>
        <source>Open a pipeline file (YAML): its steps, runs, schedule and drift</source>
        <translation>파이프라인 파일(YAML) 열기: 단계, 실행 기록, 일정과 드리프트</translation>
    </message>
    <message>
        <location filename="../app/studio/pipelines_ui.cpp" line="65"/>
        <source>Open Pipeline</source>
        <translation>파이프라인 열기</translation>
    </message>
    <message>
        <location filename="../app/studio/pipelines_ui.cpp" line="67"/>
        <source>Pipeline files (*.yaml *.yml);;All files (*)</source>
        <translation>파이프라인 파일 (*.yaml *.yml);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../app/studio/pipelines_ui.cpp" line="111"/>
        <source>Cannot Run the Pipeline</source>
        <translation>파이프라인을 실행할 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/pipelines_ui.cpp" line="112"/>
        <source>Kiln&apos;s command-line program was not found, so the pipeline cannot run.</source>
        <translation>Kiln 명령줄 프로그램을 찾을 수 없어 파이프라인을 실행할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/pipelines_ui.cpp" line="175"/>
        <source>Pipeline Scheduled</source>
        <translation>파이프라인 일정 등록됨</translation>
    </message>
    <message>
        <location filename="../app/studio/pipelines_ui.cpp" line="175"/>
        <source>Pipeline Unscheduled</source>
        <translation>파이프라인 일정 해제됨</translation>
    </message>
    <message>
        <location filename="../app/studio/pipelines_ui.cpp" line="176"/>
        <source>Cannot Schedule the Pipeline</source>
        <translation>파이프라인 일정을 등록할 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/pipelines_ui.cpp" line="176"/>
        <source>Cannot Unschedule the Pipeline</source>
        <translation>파이프라인 일정을 해제할 수 없음</translation>
    </message>
</context>
<context>
    <name>kiln::studio::PredictDialog</name>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="97"/>
        <source>Predict with %1</source>
        <translation>%1(으)로 예측</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="99"/>
        <source>A CSV/TSV file or a folder of images</source>
        <translation>CSV/TSV 파일 또는 이미지 폴더</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="100"/>
        <source>CSV File…</source>
        <translation>CSV 파일…</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="101"/>
        <source>Image Folder…</source>
        <translation>이미지 폴더…</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="106"/>
        <source>Data to Predict</source>
        <translation>예측할 데이터</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="107"/>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>표 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="116"/>
        <source>Image Folder to Predict</source>
        <translation>예측할 이미지 폴더</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="130"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="131"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="132"/>
        <source>Columns are matched to the model&apos;s inputs by name; missing values and unseen categories predict normally.</source>
        <translation>열은 이름으로 모델 입력에 맞춥니다. 결측값과 처음 보는 범주도 그대로 예측합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="139"/>
        <source>Predict</source>
        <translation>예측</translation>
    </message>
</context>
<context>
    <name>kiln::studio::PredictionModel</name>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="71"/>
        <source>no prediction</source>
        <translation>예측 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="88"/>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="88"/>
        <source>Row</source>
        <translation>행</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="89"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="90"/>
        <source>Label</source>
        <translation>레이블</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="91"/>
        <source>P(%1)</source>
        <translation>P(%1)</translation>
    </message>
</context>
<context>
    <name>kiln::studio::PredictionsView</name>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="209"/>
        <source>Predictions · %1</source>
        <translation>예측 · %1</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="215"/>
        <source>Save as CSV…</source>
        <translation>CSV로 저장…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/predict_dialog.cpp" line="226"/>
        <source>%Ln prediction(s) for %1 · read %2 s, inference %3 s</source>
        <translation>
            <numerusform>%1의 예측 %Ln개 · 읽기 %2초, 추론 %3초</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="245"/>
        <source>Cannot write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="257"/>
        <location filename="../app/studio/predict_dialog.cpp" line="261"/>
        <source>Save Predictions</source>
        <translation>예측 저장</translation>
    </message>
    <message>
        <location filename="../app/studio/predict_dialog.cpp" line="257"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>kiln::studio::RecentWorkspacesMenu</name>
    <message>
        <location filename="../app/studio/recent_workspaces_menu.cpp" line="48"/>
        <source>Recent &amp;Workspaces</source>
        <translation>최근 작업 공간(&amp;W)</translation>
    </message>
    <message>
        <location filename="../app/studio/recent_workspaces_menu.cpp" line="49"/>
        <source>&amp;Clear List</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/studio/recent_workspaces_menu.cpp" line="50"/>
        <source>No recent workspaces</source>
        <translation>최근 작업 공간 없음</translation>
    </message>
</context>
<context>
    <name>kiln::studio::RunController</name>
    <message>
        <location filename="../app/studio/run_controller.cpp" line="200"/>
        <source>An unknown error stopped the run.</source>
        <translation>알 수 없는 오류로 실행이 멈췄습니다.</translation>
    </message>
</context>
<context>
    <name>kiln::studio::RunJobs</name>
    <message>
        <location filename="../app/studio/run_jobs.cpp" line="69"/>
        <source>connection lost; the run trains on: %1</source>
        <translation>연결이 끊겼습니다. 실행은 계속 학습합니다: %1</translation>
    </message>
</context>
<context>
    <name>kiln::studio::RunOnBox</name>
    <message>
        <location filename="../app/studio/run_on_box.cpp" line="96"/>
        <source>its host key is not trusted yet (Settings ▸ Hosts)</source>
        <translation>호스트 키를 아직 신뢰하지 않았습니다(설정 ▸ 호스트)</translation>
    </message>
    <message>
        <location filename="../app/studio/run_on_box.cpp" line="99"/>
        <source>its Kiln speaks worker protocol %1, this Kiln %2</source>
        <translation>호스트의 Kiln은 작업자 프로토콜 %1, 이 Kiln은 %2을(를) 사용합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/run_on_box.cpp" line="106"/>
        <source>probing…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/run_on_box.cpp" line="109"/>
        <source>cannot be used: %1</source>
        <translation>사용 불가: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/run_on_box.cpp" line="114"/>
        <source>This computer</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <location filename="../app/studio/run_on_box.cpp" line="115"/>
        <source>This computer — %1</source>
        <translation>이 컴퓨터 — %1</translation>
    </message>
    <message>
        <location filename="../app/studio/run_on_box.cpp" line="118"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../app/studio/run_on_box.cpp" line="144"/>
        <source>%1 cannot take the run: %2</source>
        <translation>%1에서 실행할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>kiln::studio::RunTab</name>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="200"/>
        <source>Could not read the run: %1</source>
        <translation>실행을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="345"/>
        <source>Waiting for the worker…</source>
        <translation>워커를 기다리는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="347"/>
        <source>Last heard in round %1 of %2; the worker keeps training on %3</source>
        <translation>마지막 소식: 라운드 %1/%2, 워커는 %3에서 계속 학습 중입니다</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="348"/>
        <source>Last heard in epoch %1 of %2; the worker keeps training on %3</source>
        <translation>마지막 소식은 에포크 %1/%2; 작업자는 %3에서 계속 학습 중입니다</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="350"/>
        <source>Preparing the data…</source>
        <translation>데이터를 준비하는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="354"/>
        <source>Round %1 of %2</source>
        <translation>라운드 %1/%2</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="355"/>
        <source>Epoch %1 of %2 · step %3 of %4</source>
        <translation>에포크 %1/%2 · 스텝 %3/%4</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="364"/>
        <source> · ETA %1 (early stopping may end sooner)</source>
        <translation> · 남은 시간 %1 (조기 종료로 더 빨리 끝날 수 있음)</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="365"/>
        <source> · ETA %1</source>
        <translation> · 남은 시간 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="375"/>
        <source>Stopped in epoch %1 of %2</source>
        <translation>에포크 %1/%2에서 멈춤</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="375"/>
        <source>Stopped in round %1 of %2</source>
        <translation>라운드 %1/%2에서 중지됨</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="380"/>
        <source>%1 grown</source>
        <translation>%1 학습 완료</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="382"/>
        <source>%1 of %2 rounds · stopped early · best round %3</source>
        <translation>%1/%2 라운드 · 조기 종료 · 최고 라운드 %3</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="383"/>
        <source>%1 of %2 rounds · best round %3</source>
        <translation>%1/%2 라운드 · 최고 라운드 %3</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="385"/>
        <source>%1 of %2 epochs · stopped early · best epoch %3</source>
        <translation>에포크 %1/%2 · 조기 종료 · 최적 에포크 %3</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="386"/>
        <source>%1 of %2 epochs · best epoch %3</source>
        <translation>에포크 %1/%2 · 최적 에포크 %3</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="429"/>
        <source>device not chosen yet</source>
        <translation>장치 선택 전</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="434"/>
        <source>Run %1 · dataset %2 v%3 · target %4 · %5 on %6</source>
        <translation>실행 %1 · 데이터셋 %2 v%3 · 목표 %4 · %5 · %6</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="439"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="440"/>
        <source>Run %1 on %2 · dataset %3 v%4 · target %5 · %6 on %7</source>
        <translation>실행 %1 · 호스트 %2 · 데이터셋 %3 v%4 · 목표 %5 · %6 · %7</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="450"/>
        <source>Lost the connection to %1: %2. Reconnect follows the worker again.</source>
        <translation>%1와(과)의 연결이 끊겼습니다: %2. 다시 연결하면 작업자를 다시 따라갑니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="477"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="478"/>
        <source>Why this device</source>
        <translation>이 장치를 고른 이유</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="479"/>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="479"/>
        <source>this machine</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="480"/>
        <source>Created</source>
        <translation>생성</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="481"/>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="482"/>
        <source>Finished</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="490"/>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="491"/>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="492"/>
        <source>Completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="493"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="494"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="495"/>
        <source>Interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="496"/>
        <source>Connection lost</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="497"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="501"/>
        <source>Cancel Run</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="502"/>
        <source>The worker stops at the next batch and keeps a checkpoint</source>
        <translation>워커가 다음 배치에서 멈추고 체크포인트를 남깁니다</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="503"/>
        <source>Resume</source>
        <translation>이어서 학습</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="504"/>
        <source>Continue from the last checkpoint</source>
        <translation>마지막 체크포인트에서 이어서 학습합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="505"/>
        <source>Reconnect</source>
        <translation>다시 연결</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="507"/>
        <source>Connect to the host again and follow the worker from where this Studio lost it</source>
        <translation>호스트에 다시 접속하여 연결이 끊긴 지점부터 작업자를 따라갑니다</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="509"/>
        <source>Export ONNX…</source>
        <translation>ONNX 내보내기…</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="510"/>
        <source>Write a verified ONNX file with the preprocessing inside</source>
        <translation>전처리를 포함한 검증된 ONNX 파일을 씁니다</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="511"/>
        <source>Register as Model…</source>
        <translation>모델로 등록…</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="512"/>
        <source>Export, verify and evaluate this run as a new model version</source>
        <translation>이 실행을 내보내고 검증·평가하여 새 모델 버전으로 등록합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="513"/>
        <source>Curves</source>
        <translation>곡선</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="514"/>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="515"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="516"/>
        <source>Tree</source>
        <translation>트리</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="517"/>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="520"/>
        <source>Environment and spec</source>
        <translation>환경과 명세</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="521"/>
        <source>Property</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../app/studio/run_tab.cpp" line="521"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>kiln::studio::SampleTexts</name>
    <message>
        <location filename="../app/studio/sample_texts.cpp" line="21"/>
        <source>Palmer penguins</source>
        <translation>파머 펭귄</translation>
    </message>
    <message>
        <location filename="../app/studio/sample_texts.cpp" line="22"/>
        <source>Diabetes progression</source>
        <translation>당뇨병 진행</translation>
    </message>
    <message>
        <location filename="../app/studio/sample_texts.cpp" line="23"/>
        <source>Handwritten digits</source>
        <translation>손글씨 숫자</translation>
    </message>
    <message>
        <location filename="../app/studio/sample_texts.cpp" line="29"/>
        <source>344 penguins of three species from three islands: bill, flipper and body measurements, sex and year, with missing values.</source>
        <translation>세 섬에 사는 세 종의 펭귄 344마리: 부리·지느러미·몸무게 측정값, 성별, 연도. 결측값이 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/sample_texts.cpp" line="32"/>
        <source>442 diabetes patients: age, sex, body mass index, blood pressure and six blood serum measurements; the target is a measure of disease progression one year later.</source>
        <translation>당뇨병 환자 442명: 나이, 성별, 체질량지수, 혈압과 여섯 가지 혈청 측정값. 예측 대상은 1년 뒤의 질병 진행 정도입니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/sample_texts.cpp" line="36"/>
        <source>300 greyscale pictures of handwritten digits, 30 of each from 0 to 9, one folder per digit (8 × 8 pixels, drawn at 32 × 32).</source>
        <translation>손으로 쓴 숫자의 흑백 그림 300장. 0부터 9까지 숫자마다 30장, 숫자마다 폴더 하나 (8 × 8 픽셀을 32 × 32로 그림).</translation>
    </message>
    <message>
        <location filename="../app/studio/sample_texts.cpp" line="43"/>
        <source>Image classification</source>
        <translation>이미지 분류</translation>
    </message>
    <message>
        <location filename="../app/studio/sample_texts.cpp" line="44"/>
        <source>Regression of %1</source>
        <translation>%1 회귀</translation>
    </message>
    <message>
        <location filename="../app/studio/sample_texts.cpp" line="45"/>
        <source>Classification of %1</source>
        <translation>%1 분류</translation>
    </message>
    <message>
        <location filename="../app/studio/sample_texts.cpp" line="46"/>
        <source>%1 · licence: %2</source>
        <translation>%1 · 라이선스: %2</translation>
    </message>
</context>
<context>
    <name>kiln::studio::SamplesUi</name>
    <message>
        <location filename="../app/studio/samples_ui.cpp" line="59"/>
        <source>Open &amp;Sample</source>
        <translation>샘플 열기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/studio/samples_ui.cpp" line="61"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/studio/samples_ui.cpp" line="68"/>
        <source>No samples installed</source>
        <translation>설치된 샘플이 없습니다</translation>
    </message>
    <message>
        <location filename="../app/studio/samples_ui.cpp" line="79"/>
        <source>Open Sample</source>
        <translation>샘플 열기</translation>
    </message>
    <message>
        <location filename="../app/studio/samples_ui.cpp" line="80"/>
        <source>There is no sample called %1.</source>
        <translation>%1(이)라는 샘플이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/samples_ui.cpp" line="81"/>
        <source>Open a workspace first: the sample is imported into it.</source>
        <translation>먼저 작업 공간을 여세요. 샘플은 그 작업 공간으로 가져옵니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/samples_ui.cpp" line="91"/>
        <source>Importing the sample %1…</source>
        <translation>샘플 %1 가져오는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/samples_ui.cpp" line="105"/>
        <source>%1 is ready: explore it here, or train it in the Train tab (%2 is the target).</source>
        <translation>%1 준비 완료: 여기서 살펴보거나 학습 탭에서 학습하세요 (목표: %2).</translation>
    </message>
</context>
<context>
    <name>kiln::studio::ServeDialog</name>
    <message>
        <location filename="../app/studio/serve_ui.cpp" line="42"/>
        <source>Serve %1</source>
        <translation>%1 서비스</translation>
    </message>
    <message>
        <location filename="../app/studio/serve_ui.cpp" line="44"/>
        <source>This computer only (127.0.0.1)</source>
        <translation>이 컴퓨터만 (127.0.0.1)</translation>
    </message>
    <message>
        <location filename="../app/studio/serve_ui.cpp" line="45"/>
        <source>Every network (0.0.0.0), with a token</source>
        <translation>모든 네트워크 (0.0.0.0), 토큰 필요</translation>
    </message>
    <message>
        <location filename="../app/studio/serve_ui.cpp" line="51"/>
        <source>one per core</source>
        <translation>코어마다 하나</translation>
    </message>
    <message>
        <location filename="../app/studio/serve_ui.cpp" line="52"/>
        <source>Log every request&apos;s inputs and outputs (for drift)</source>
        <translation>모든 요청의 입력과 출력을 기록 (드리프트 확인용)</translation>
    </message>
    <message>
        <location filename="../app/studio/serve_ui.cpp" line="54"/>
        <source>Off this computer, clients must send the token Studio makes for the server (&apos;Authorization: Bearer TOKEN&apos;); it is shown once the server runs.</source>
        <translation>다른 컴퓨터의 클라이언트는 Studio가 서버용으로 만든 토큰을 보내야 합니다 (&apos;Authorization: Bearer TOKEN&apos;). 토큰은 서버가 실행되면 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/serve_ui.cpp" line="59"/>
        <source>Listen on:</source>
        <translation>수신 주소:</translation>
    </message>
    <message>
        <location filename="../app/studio/serve_ui.cpp" line="60"/>
        <source>Port:</source>
        <translation>포트:</translation>
    </message>
    <message>
        <location filename="../app/studio/serve_ui.cpp" line="61"/>
        <source>Workers:</source>
        <translation>작업 스레드:</translation>
    </message>
    <message>
        <location filename="../app/studio/serve_ui.cpp" line="64"/>
        <source>Serve</source>
        <translation>서비스 시작</translation>
    </message>
</context>
<context>
    <name>kiln::studio::SettingsDialog</name>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="113"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="114"/>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="115"/>
        <source>Hosts</source>
        <translation>호스트</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="116"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="118"/>
        <source>Opened when Kiln Studio starts. Leave empty for the default (%1).</source>
        <translation>Kiln Studio를 시작할 때 엽니다. 비워 두면 기본 작업 공간(%1)을 엽니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="120"/>
        <source>Workspace at start:</source>
        <translation>시작 작업 공간:</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="121"/>
        <source>Open now:</source>
        <translation>지금 열린 곳:</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="122"/>
        <source>No workspace is open.</source>
        <translation>열린 작업 공간이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="123"/>
        <source>Open This One at Start</source>
        <translation>시작할 때 이 작업 공간 열기</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="125"/>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="126"/>
        <source>Default device:</source>
        <translation>기본 장치:</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="127"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="130"/>
        <source>Auto (CUDA when available)</source>
        <translation>자동 (가능하면 CUDA)</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="131"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="132"/>
        <source>CUDA (GPU)</source>
        <translation>CUDA (GPU)</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="147"/>
        <source>Checking for CUDA…</source>
        <translation>CUDA 확인 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="150"/>
        <source>CUDA is available: %1</source>
        <translation>CUDA를 사용할 수 있습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="151"/>
        <source>CUDA is not available: %1</source>
        <translation>CUDA를 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="161"/>
        <source>Choose Workspace Folder</source>
        <translation>작업 공간 폴더 선택</translation>
    </message>
</context>
<context>
    <name>kiln::studio::SweepController</name>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="105"/>
        <source>Best: trial %1 (run %2)</source>
        <translation>최고: 시행 %1 (실행 %2)</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="103"/>
        <source>Sweep cancelled</source>
        <translation>스윕이 취소되었습니다</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="100"/>
        <source>Sweep cancelled; best: trial %1 (run %2)</source>
        <translation>스윕이 취소되었습니다. 최고: 시행 %1 (실행 %2)</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="107"/>
        <source>No trial of the sweep completed</source>
        <translation>완료된 스윕 시행이 없습니다</translation>
    </message>
</context>
<context>
    <name>kiln::studio::SweepDialog</name>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="280"/>
        <source>Add parameter</source>
        <translation>파라미터 추가</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="281"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="294"/>
        <source>Dataset:</source>
        <translation>데이터셋:</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="295"/>
        <source>Target:</source>
        <translation>대상:</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="296"/>
        <source>Search:</source>
        <translation>탐색 방식:</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="297"/>
        <source>Trials (budget):</source>
        <translation>시행 수(예산):</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="298"/>
        <source>Grid points per range:</source>
        <translation>범위당 격자 점 수:</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="299"/>
        <source>Trials at once (0: auto):</source>
        <translation>동시 시행 수(0: 자동):</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="300"/>
        <source>Metric:</source>
        <translation>지표:</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="301"/>
        <source>Mode:</source>
        <translation>방향:</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="302"/>
        <source>Epochs per trial:</source>
        <translation>시행당 에포크:</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="303"/>
        <source>Hidden widths (base):</source>
        <translation>은닉층 너비(기본):</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="304"/>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="308"/>
        <source>Swept parameters (range low:high, or choices a|b|c):</source>
        <translation>스윕할 파라미터 (범위 최소:최대, 또는 선택지 a|b|c):</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="324"/>
        <source>Sweep Hyper-parameters</source>
        <translation>하이퍼파라미터 스윕</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="325"/>
        <source>Choose the column to predict…</source>
        <translation>예측할 열을 고르세요…</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="326"/>
        <source>Parameter</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="326"/>
        <source>Distribution</source>
        <translation>분포</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="326"/>
        <source>Values</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="327"/>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="328"/>
        <source>Grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="329"/>
        <source>Auto (from the metric&apos;s name)</source>
        <translation>자동 (지표 이름으로 판단)</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="330"/>
        <source>Minimise</source>
        <translation>최소화</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="331"/>
        <source>Maximise</source>
        <translation>최대화</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="332"/>
        <source>Start Sweep</source>
        <translation>스윕 시작</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="333"/>
        <source>Stop hopeless trials early (median rule)</source>
        <translation>가망 없는 시도를 일찍 중단 (중앙값 규칙)</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="335"/>
        <source>After three trials have finished, a trial whose best value so far is worse than the median of the finished trials at the same epoch is stopped.</source>
        <translation>시도 세 개가 끝난 뒤에는, 지금까지의 최고 값이 같은 에포크에서 끝난 시도들의 중앙값보다 나쁜 시도를 중단합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="337"/>
        <source>The same seed draws the same trials and trains them the same way.</source>
        <translation>같은 시드는 같은 시도를 뽑고 같은 방식으로 학습합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="347"/>
        <source>log-uniform</source>
        <translation>로그 균등</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="348"/>
        <source>uniform</source>
        <translation>균등</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="349"/>
        <source>whole numbers</source>
        <translation>정수</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="350"/>
        <source>choice</source>
        <translation>선택지</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="417"/>
        <source>Choose a dataset.</source>
        <translation>데이터셋을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="418"/>
        <source>Choose the target column.</source>
        <translation>대상 열을 고르세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="419"/>
        <source>Name the metric that picks the best trial.</source>
        <translation>최고 시행을 고를 지표를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_dialog.cpp" line="431"/>
        <source>Add at least one swept parameter.</source>
        <translation>스윕할 파라미터를 하나 이상 추가하세요.</translation>
    </message>
</context>
<context>
    <name>kiln::studio::SweepView</name>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="29"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="30"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="31"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="32"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="33"/>
        <source>stopped early (median rule)</source>
        <translation>일찍 중단됨 (중앙값 규칙)</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="97"/>
        <source>Cancel Sweep</source>
        <translation>스윕 취소</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="98"/>
        <source>Compare Trials</source>
        <translation>시행 비교</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="109"/>
        <source>Trial</source>
        <translation>시행</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="109"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="109"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="148"/>
        <source>running (epoch %1)</source>
        <translation>실행 중 (에포크 %1)</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="178"/>
        <source>Sweep starting…</source>
        <translation>스윕 시작 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="179"/>
        <source>Sweep %1</source>
        <translation>스윕 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="182"/>
        <source>%1 of %2 trials done</source>
        <translation>시행 %2개 중 %1개 완료</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="190"/>
        <source>Best so far: trial %1, %2 = %3 (%4)</source>
        <translation>현재 최고: 시행 %1, %2 = %3 (%4)</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="197"/>
        <source>No trial has finished yet</source>
        <translation>아직 끝난 시행이 없습니다</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="201"/>
        <source>Best so far:</source>
        <translation>현재 최고:</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="201"/>
        <source>Best:</source>
        <translation>최고:</translation>
    </message>
    <message>
        <location filename="../app/studio/sweep_view.cpp" line="202"/>
        <source>run %1</source>
        <translation>실행 %1</translation>
    </message>
</context>
<context>
    <name>kiln::studio::TrainPanel</name>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="306"/>
        <source>v%1 · %2 rows · %3</source>
        <translation>v%1 · %2행 · %3</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="266"/>
        <location filename="../app/studio/train_panel_form.cpp" line="199"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="84"/>
        <source>Could not read the datasets: %1</source>
        <translation>데이터셋을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="86"/>
        <source>Import a dataset first: drop a CSV file or an image folder on the window.</source>
        <translation>먼저 데이터셋을 가져오세요: CSV 파일이나 이미지 폴더를 창에 끌어다 놓으면 됩니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="88"/>
        <source>Choose the target column.</source>
        <translation>목표 열을 고르세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="91"/>
        <source>Tick at least one feature column.</source>
        <translation>특성 열을 하나 이상 선택하세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="94"/>
        <source>Hidden layers: write layer widths separated by commas, e.g. 128, 64.</source>
        <translation>은닉층: 층 너비를 쉼표로 구분해 쓰세요 (예: 128, 64).</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="99"/>
        <source>Split: the fractions add up to %1; they must add up to 1.</source>
        <translation>분할: 비율의 합이 %1입니다. 합이 1이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="354"/>
        <source>Boosting rounds:</source>
        <translation>부스팅 라운드:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="354"/>
        <location filename="../app/studio/train_panel_form.cpp" line="117"/>
        <source>Trees:</source>
        <translation>트리 수:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="360"/>
        <source> rounds without improvement</source>
        <translation> 라운드 동안 개선 없으면</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="374"/>
        <source>default (%1)</source>
        <translation>기본값 (%1)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="402"/>
        <source>the host cannot be reached</source>
        <translation>호스트에 접속할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="420"/>
        <source>Detecting devices…</source>
        <translation>장치를 찾는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="421"/>
        <source>CUDA is available: %1</source>
        <translation>CUDA 사용 가능: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="422"/>
        <source>CUDA is unavailable: %1</source>
        <translation>CUDA 사용 불가: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="423"/>
        <source>Detecting the devices of %1…</source>
        <translation>%1의 장치 확인 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="424"/>
        <source>CUDA on %1 is available: %2</source>
        <translation>%1의 CUDA 사용 가능: %2</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="425"/>
        <source>CUDA on %1 is unavailable: %2</source>
        <translation>%1의 CUDA 사용 불가: %2</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="118"/>
        <source>classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="119"/>
        <source>regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="121"/>
        <source>Auto resolves to &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>자동 선택 결과: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="122"/>
        <source>Task: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>작업: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="125"/>
        <source>chosen by cross-validation</source>
        <translation>교차 검증으로 선택</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="129"/>
        <source> · model &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · 모델 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="130"/>
        <source>Input: the images&apos; pixels</source>
        <translation>입력: 이미지의 픽셀</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/train_panel_spec.cpp" line="132"/>
        <source> · model &lt;b&gt;%1&lt;/b&gt; · %n feature column(s)</source>
        <translation>
            <numerusform> · 모델 &lt;b&gt;%1&lt;/b&gt; · 특성 열 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="139"/>
        <source>Features: %1</source>
        <translation>특성: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="170"/>
        <source>%1 steps per epoch at batch size %2: each epoch is long; a batch of %3 makes it about %4 times shorter.</source>
        <translation>배치 크기 %2에서 에포크당 %1스텝입니다: 에포크가 깁니다. 배치를 %3로 하면 약 %4배 짧아집니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="185"/>
        <source>%1 has a different value on every row: an identifier, which a model learns by heart instead of a pattern.</source>
        <translation>%1은(는) 행마다 값이 다릅니다: 식별자이며, 모델이 패턴 대신 값을 외워 버립니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="189"/>
        <source>%1 is named and valued like an identifier or a matched-set number: it can leak which rows belong together.</source>
        <translation>%1은(는) 이름과 값이 식별자나 짝지은 집합 번호 같습니다: 어떤 행끼리 묶이는지가 새어 나갈 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="193"/>
        <source>%1 alone gives the target on %2 of the rows: is it the answer under another name?</source>
        <translation>%1 하나만으로 행의 %2에서 목표값을 맞힙니다: 다른 이름의 정답이 아닌가요?</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="196"/>
        <source>%1 is %2 missing.</source>
        <translation>%1은(는) %2가 결측입니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/train_panel_spec.cpp" line="208"/>
        <source>%n row(s) without a target are left out.</source>
        <translation>
            <numerusform>목표값이 없는 행 %n개는 제외합니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="214"/>
        <source>%1 (%2, %3%)</source>
        <translation>%1 (%2개, %3%)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="226"/>
        <source>Missing numbers in %1 are filled with the training mean, with a missing indicator.</source>
        <translation>%1의 결측 숫자는 학습 데이터의 평균으로 채우고 결측 표시 열을 더합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="227"/>
        <source>Missing numbers in %1 are filled with the value met most often in the training rows, with a missing indicator.</source>
        <translation>%1의 결측 숫자는 학습 데이터에서 가장 자주 나온 값으로 채우고 결측 표시 열을 더합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="228"/>
        <source>Missing numbers in %1 are filled with %2, with a missing indicator.</source>
        <translation>%1의 결측 숫자는 %2(으)로 채우고 결측 표시 열을 더합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="229"/>
        <source>Rows with a missing number in %1 are left out of training and evaluation.</source>
        <translation>%1에 결측 숫자가 있는 행은 학습과 평가에서 뺍니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="231"/>
        <source>Missing numbers in %1 are kept missing: the trees learn where they go.</source>
        <translation>%1의 결측 숫자는 그대로 둡니다: 트리가 어느 쪽으로 보낼지 학습합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="230"/>
        <source>Missing numbers in %1 are filled with the training median, with a missing indicator.</source>
        <translation>%1의 결측 숫자는 학습 데이터의 중앙값으로 채우고 결측 표시 열을 더합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="233"/>
        <source>(Trees keep them missing.)</source>
        <translation>(트리는 결측 그대로 둡니다.)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_spec.cpp" line="237"/>
        <source>Missing categories in %1 are filled with the most frequent category.</source>
        <translation>%1의 결측 범주는 가장 흔한 범주로 채웁니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="182"/>
        <source>Auto (from the target)</source>
        <translation>자동 (목표 열에서)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="182"/>
        <source>Classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="182"/>
        <source>Regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="185"/>
        <source>Linear / logistic</source>
        <translation>선형 / 로지스틱</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="185"/>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="185"/>
        <source>CNN (images)</source>
        <translation>CNN (이미지)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="186"/>
        <source>Boosted trees (XGBoost)</source>
        <translation>부스티드 트리 (XGBoost)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="186"/>
        <source>Random forest</source>
        <translation>랜덤 포레스트</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="186"/>
        <source>Decision tree</source>
        <translation>결정 트리</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="187"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="187"/>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="187"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="188"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="188"/>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="188"/>
        <source>SGD with momentum</source>
        <translation>모멘텀 SGD</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="189"/>
        <source>Constant</source>
        <translation>일정</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="189"/>
        <source>Step decay</source>
        <translation>단계 감쇠</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="189"/>
        <source>Cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="190"/>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="190"/>
        <source>Balanced</source>
        <translation>균형</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="191"/>
        <source>Median of the training rows</source>
        <translation>학습 데이터의 중앙값</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="191"/>
        <source>Mean of the training rows</source>
        <translation>학습 데이터의 평균</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="192"/>
        <source>Most frequent value</source>
        <translation>가장 자주 나온 값</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="192"/>
        <source>A value of my choice</source>
        <translation>직접 정한 값</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="193"/>
        <source>Leave their rows out</source>
        <translation>그 행을 빼기</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="194"/>
        <source>Auto (CUDA when available)</source>
        <translation>자동 (가능하면 CUDA)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="194"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="194"/>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="230"/>
        <source>Train a model</source>
        <translation>모델 학습</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="232"/>
        <source>Pick a dataset and the column to predict, then press Train. Every other setting has a sensible default; the run is recorded so it can be reproduced.</source>
        <translation>데이터셋과 예측할 열을 고른 뒤 학습을 누르세요. 나머지 설정에는 알맞은 기본값이 있고, 실행은 재현할 수 있도록 기록됩니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="66"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="88"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="132"/>
        <source>Optimisation</source>
        <translation>최적화</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="155"/>
        <source>Split</source>
        <translation>분할</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="169"/>
        <source>Hardware</source>
        <translation>하드웨어</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="68"/>
        <source>Dataset:</source>
        <translation>데이터셋:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="69"/>
        <source>Version:</source>
        <translation>버전:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="70"/>
        <source>Target:</source>
        <translation>목표:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="72"/>
        <source>Features:</source>
        <translation>특성:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="74"/>
        <source>Task:</source>
        <translation>작업:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="76"/>
        <source>Missing numbers:</source>
        <translation>결측 숫자:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="79"/>
        <source>Fill value:</source>
        <translation>채울 값:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="91"/>
        <source>Family:</source>
        <translation>모델 계열:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="96"/>
        <source>Hidden layers:</source>
        <translation>은닉층:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="99"/>
        <source>Activation:</source>
        <translation>활성화 함수:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="102"/>
        <source>Dropout:</source>
        <translation>드롭아웃:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="103"/>
        <source>Batch normalisation</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="105"/>
        <source>CNN width:</source>
        <translation>CNN 너비:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="106"/>
        <source>CNN depth:</source>
        <translation>CNN 깊이:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="107"/>
        <source>Image size:</source>
        <translation>이미지 크기:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="108"/>
        <source>Random horizontal flips</source>
        <translation>무작위 좌우 뒤집기</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="118"/>
        <source>Maximum depth:</source>
        <translation>최대 깊이:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="121"/>
        <source>Minimum child weight:</source>
        <translation>최소 자식 가중치:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="124"/>
        <source>Row subsample:</source>
        <translation>행 샘플 비율:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="126"/>
        <source>Column sample:</source>
        <translation>열 샘플 비율:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="127"/>
        <source>L1 penalty:</source>
        <translation>L1 페널티:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="128"/>
        <source>L2 penalty:</source>
        <translation>L2 페널티:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="136"/>
        <source>Optimiser:</source>
        <translation>옵티마이저:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="119"/>
        <location filename="../app/studio/train_panel_form.cpp" line="138"/>
        <source>Learning rate:</source>
        <translation>학습률:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="140"/>
        <source>Weight decay:</source>
        <translation>가중치 감쇠:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="142"/>
        <source>Schedule:</source>
        <translation>스케줄:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="144"/>
        <source>Epochs:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="146"/>
        <source>Batch size:</source>
        <translation>배치 크기:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="147"/>
        <source>Early stopping:</source>
        <translation>조기 종료:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="149"/>
        <source>Class weights:</source>
        <translation>클래스 가중치:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="164"/>
        <source>Cross-validation folds:</source>
        <translation>교차 검증 폴드:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="184"/>
        <source>Auto (the best by cross-validation; CNN for images)</source>
        <translation>자동 (교차 검증으로 최적 선택, 이미지는 CNN)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="209"/>
        <source>Auto compares linear, MLP, boosted trees and a random forest by cross-validation on the training rows and keeps the best. Boosted trees and forests usually win on tables; a decision tree is one tree a person can read.</source>
        <translation>자동은 학습 행에서 교차 검증으로 선형, MLP, 부스티드 트리, 랜덤 포레스트를 비교해 가장 좋은 것을 씁니다. 표 데이터에서는 보통 부스티드 트리와 포레스트가 이기며, 결정 트리는 사람이 읽을 수 있는 트리 하나입니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="213"/>
        <source>Boosted trees: the most boosting rounds (early stopping may end sooner). Random forest: the number of trees.</source>
        <translation>부스티드 트리: 최대 부스팅 라운드 수(조기 종료로 더 일찍 끝날 수 있음). 랜덤 포레스트: 트리 개수.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="215"/>
        <source>How many splits a row passes at most from the root to a leaf</source>
        <translation>한 행이 루트에서 리프까지 거치는 분할의 최대 개수</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="217"/>
        <source>How much each boosting round corrects the rounds before it; smaller needs more rounds but often generalises better</source>
        <translation>각 부스팅 라운드가 이전 라운드를 얼마나 보정하는지. 작을수록 라운드가 더 필요하지만 일반화가 더 잘 되는 경우가 많습니다</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="221"/>
        <source>A split is made only when each side keeps at least this much weight (about rows, for regression)</source>
        <translation>양쪽이 모두 이 이상의 가중치(회귀에서는 대략 행 수)를 가질 때만 분할합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="223"/>
        <source>The share of the training rows each tree sees</source>
        <translation>각 트리가 보는 학습 행의 비율</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="224"/>
        <source>The share of the input columns each tree may split on</source>
        <translation>각 트리가 분할에 쓸 수 있는 입력 열의 비율</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="225"/>
        <source>L1 penalty on leaf values (XGBoost&apos;s alpha)</source>
        <translation>리프 값에 대한 L1 페널티 (XGBoost의 alpha)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="226"/>
        <source>L2 penalty on leaf values (XGBoost&apos;s lambda)</source>
        <translation>리프 값에 대한 L2 페널티 (XGBoost의 lambda)</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="238"/>
        <location filename="../app/studio/train_panel_form.cpp" line="244"/>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel.cpp" line="361"/>
        <location filename="../app/studio/train_panel_form.cpp" line="239"/>
        <source> epochs without improvement</source>
        <translation> 에포크 동안 개선 없으면</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="243"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="159"/>
        <source>Training:</source>
        <translation>학습:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="160"/>
        <source>Validation:</source>
        <translation>검증:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="161"/>
        <source>Test:</source>
        <translation>테스트:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="162"/>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="174"/>
        <source>Device:</source>
        <translation>장치:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="172"/>
        <source>Run on:</source>
        <translation>실행 위치:</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="240"/>
        <source>Choose the column to predict…</source>
        <translation>예측할 열을 고르세요…</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="241"/>
        <source>The columns the model sees. Identifiers, constants and free text are left out unless you tick them; a warning sign marks a column to look at.</source>
        <translation>모델이 보는 열입니다. 식별자, 상수, 자유 텍스트는 직접 선택하지 않으면 빠집니다. 경고 표시는 살펴볼 열입니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="246"/>
        <source>Train and score the model K times, each time holding out another K-th of the training and validation rows; the test rows are never used. Auto uses cross-validation to choose the family either way.</source>
        <translation>학습·검증 행을 K개로 나눠 매번 다른 하나를 빼 두고 모델을 K번 학습하고 평가합니다. 테스트 행은 쓰지 않습니다. 자동은 이 설정과 관계없이 교차 검증으로 모델 계열을 고릅니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/train_panel_form.cpp" line="250"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
</context>
<context>
    <name>kiln::studio::TrainingUi</name>
    <message>
        <location filename="../app/studio/training_ui.cpp" line="51"/>
        <source>Cannot Start the Run</source>
        <translation>실행을 시작할 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/training_ui.cpp" line="52"/>
        <source>The run could not be started.</source>
        <translation>실행을 시작하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/training_ui.cpp" line="93"/>
        <location filename="../app/studio/training_ui.cpp" line="139"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../app/studio/training_ui.cpp" line="135"/>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/studio/training_ui.cpp" line="136"/>
        <source>&amp;Train…</source>
        <translation>학습(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../app/studio/training_ui.cpp" line="137"/>
        <source>Define a training run on a dataset and start it</source>
        <translation>데이터셋에 대한 학습 실행을 정의하고 시작합니다</translation>
    </message>
</context>
<context>
    <name>kiln::studio::WelcomePage</name>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="143"/>
        <source>Try a sample</source>
        <translation>샘플로 시작하기</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="146"/>
        <source>Kiln&apos;s sample datasets are not installed here.</source>
        <translation>이 컴퓨터에는 Kiln 샘플 데이터셋이 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="147"/>
        <source>Datasets that come with Kiln, to train a first model within a minute. Opening one imports it into this workspace.</source>
        <translation>Kiln에 포함된 데이터셋으로 1분 안에 첫 모델을 학습해 보세요. 열면 이 작업 공간으로 가져옵니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="160"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="165"/>
        <source>No workspace is open.</source>
        <translation>열린 작업 공간이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="166"/>
        <source>Reading the catalog…</source>
        <translation>카탈로그를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="167"/>
        <source>Datasets: %1 (versions: %2) · Runs: %3 · Models: %4 · Remote hosts: %5</source>
        <translation>데이터셋: %1 (버전: %2) · 실행: %3 · 모델: %4 · 원격 호스트: %5</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="176"/>
        <source>Welcome to Kiln Studio</source>
        <translation>Kiln Studio에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="178"/>
        <source>Explore datasets, train models on this machine or a remote one, compare runs and export verified ONNX models.</source>
        <translation>데이터셋을 탐색하고, 이 컴퓨터나 원격 컴퓨터에서 모델을 학습하고, 실행을 비교하고, 검증된 ONNX 모델로 내보내세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="180"/>
        <source>Bring in data</source>
        <translation>데이터 가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="182"/>
        <source>Drag CSV or TSV files, or a folder of images with one sub-folder per class, anywhere onto this window. Or choose &lt;b&gt;File ▸ Import…&lt;/b&gt;. Several files at once are fine.</source>
        <translation>CSV 또는 TSV 파일, 또는 클래스마다 하위 폴더가 하나씩 있는 이미지 폴더를 이 창 아무 곳에나 끌어다 놓으세요. &lt;b&gt;파일 ▸ 가져오기…&lt;/b&gt;를 선택해도 됩니다. 여러 파일을 한 번에 가져올 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="185"/>
        <source>Workspace</source>
        <translation>작업 공간</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="186"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="188"/>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="189"/>
        <source>Open Workspace…</source>
        <translation>작업 공간 열기…</translation>
    </message>
</context>
<context>
    <name>kiln::studio::WorkspaceEditsUi</name>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="99"/>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="148"/>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="230"/>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="280"/>
        <source>Cannot Delete</source>
        <translation>삭제할 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="158"/>
        <source>Dataset %1, with all its versions</source>
        <translation>데이터셋 %1 (모든 버전 포함)</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="160"/>
        <source>Version %1 of %2 (%3 rows)</source>
        <translation>%2의 버전 %1 (%3행)</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="163"/>
        <source>Run %1 (%2)</source>
        <translation>실행 %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="164"/>
        <source>The record of sweep %1</source>
        <translation>스윕 %1의 기록</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="166"/>
        <source>Model %1 version %2</source>
        <translation>모델 %1 버전 %2</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="167"/>
        <source>These will be deleted:</source>
        <translation>다음 항목이 삭제됩니다:</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="171"/>
        <source>Run %1 is starred.</source>
        <translation>실행 %1에 별표가 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="173"/>
        <source>Model %1 version %2 is in production.</source>
        <translation>모델 %1 버전 %2는 운영(production) 단계입니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="175"/>
        <source>Model %1 version %2 is in staging.</source>
        <translation>모델 %1 버전 %2는 스테이징 단계입니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="178"/>
        <source>You can undo this for a few seconds. The stored data is freed by Tools ▸ Free Unused Space.</source>
        <translation>몇 초 동안 실행 취소할 수 있습니다. 저장된 데이터는 도구 ▸ 사용하지 않는 공간 비우기로 비웁니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="188"/>
        <source>Run %1 is still at work: cancel it first.</source>
        <translation>실행 %1이(가) 아직 작업 중입니다. 먼저 취소하세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="190"/>
        <source>Run %1 is the source of model %2 version %3: delete that model version first.</source>
        <translation>실행 %1은(는) 모델 %2 버전 %3의 원본입니다. 그 모델 버전을 먼저 삭제하세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="194"/>
        <source>A version to delete trained model %1 version %2: delete that model version first.</source>
        <translation>삭제할 버전으로 모델 %1 버전 %2를 학습했습니다. 그 모델 버전을 먼저 삭제하세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="198"/>
        <source>Nothing was deleted.</source>
        <translation>아무것도 삭제하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="234"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/workspace_edits_ui.cpp" line="245"/>
        <source>Deleted %n item(s).</source>
        <translation>
            <numerusform>항목 %n개를 삭제했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="246"/>
        <source>Deleted %1.</source>
        <translation>%1을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="247"/>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="309"/>
        <source>Rename Dataset</source>
        <translation>데이터셋 이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="309"/>
        <source>Rename Run</source>
        <translation>실행 이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="325"/>
        <source>Cannot Rename</source>
        <translation>이름을 바꿀 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="345"/>
        <source>Cannot Star</source>
        <translation>별표를 달 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="362"/>
        <source>Cannot Show the Pipeline File</source>
        <translation>파이프라인 파일을 보여 줄 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="363"/>
        <source>The pipeline file is no longer there:
%1</source>
        <translation>파이프라인 파일이 더 이상 없습니다:
%1</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="380"/>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="383"/>
        <source>Cannot Show the Source</source>
        <translation>원본을 보여 줄 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="384"/>
        <source>The file it was imported from is no longer there:
%1</source>
        <translation>가져온 원본 파일이 더 이상 없습니다:
%1</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="403"/>
        <source>Cannot Free Space</source>
        <translation>공간을 비울 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="407"/>
        <source>Nothing to free: every stored file is still in use.</source>
        <translation>비울 것이 없습니다. 저장된 파일을 모두 사용 중입니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="408"/>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="418"/>
        <source>Free Unused Space</source>
        <translation>사용하지 않는 공간 비우기</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="412"/>
        <source>%1 can be freed: %2 stored files no dataset uses, %3 run folders and %4 thumbnails of deleted items. Free it?</source>
        <translation>%1을(를) 비울 수 있습니다: 어떤 데이터셋도 쓰지 않는 저장 파일 %2개, 삭제된 항목의 실행 폴더 %3개와 썸네일 %4개. 비울까요?</translation>
    </message>
    <message>
        <location filename="../app/studio/workspace_edits_ui.cpp" line="421"/>
        <source>Freed %1.</source>
        <translation>%1을(를) 비웠습니다.</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::BarChartView</name>
    <message>
        <location filename="../widgets/bar_chart_view.cpp" line="66"/>
        <source>This dataset has no categorical, boolean or text column.</source>
        <translation>이 데이터셋에는 범주형, 불리언 또는 텍스트 열이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/bar_chart_view.cpp" line="84"/>
        <source>Values of %1, in their order</source>
        <translation>%1의 값, 정한 순서대로</translation>
    </message>
    <message>
        <location filename="../widgets/bar_chart_view.cpp" line="85"/>
        <source>Most frequent values of %1</source>
        <translation>%1의 가장 잦은 값</translation>
    </message>
    <message>
        <location filename="../widgets/bar_chart_view.cpp" line="90"/>
        <source>%1 distinct values · %2 missing · the %3 most frequent shown</source>
        <translation>고유값 %1개 · 결측 %2개 · 가장 잦은 %3개 표시</translation>
    </message>
    <message>
        <location filename="../widgets/bar_chart_view.cpp" line="106"/>
        <source>%1 in all</source>
        <translation>모두 %1개</translation>
    </message>
    <message>
        <location filename="../widgets/bar_chart_view.cpp" line="114"/>
        <source>Bar chart</source>
        <translation>막대 차트</translation>
    </message>
    <message>
        <location filename="../widgets/bar_chart_view.cpp" line="117"/>
        <location filename="../widgets/bar_chart_view.cpp" line="142"/>
        <source>Count</source>
        <translation>개수</translation>
    </message>
    <message>
        <location filename="../widgets/bar_chart_view.cpp" line="155"/>
        <source>%1: %2 (%3%)</source>
        <translation>%1: %2 (%3%)</translation>
    </message>
    <message>
        <location filename="../widgets/bar_chart_view.cpp" line="162"/>
        <source>Column:</source>
        <translation>열:</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::BoxPlotView</name>
    <message>
        <location filename="../widgets/box_plot_view.cpp" line="163"/>
        <location filename="../widgets/box_plot_view.cpp" line="287"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../widgets/box_plot_view.cpp" line="177"/>
        <source>This dataset has no numeric column.</source>
        <translation>이 데이터셋에는 숫자 열이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/box_plot_view.cpp" line="212"/>
        <source>Could not compute the boxes: %1</source>
        <translation>상자를 계산할 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/box_plot_view.cpp" line="214"/>
        <source>Whiskers reach the furthest values within 1.5 × IQR of the box; %Ln value(s) lie beyond them.</source>
        <translation>
            <numerusform>수염은 상자에서 1.5 × IQR 이내의 가장 먼 값까지 닿습니다. 그 바깥에 값 %Ln개가 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/box_plot_view.cpp" line="223"/>
        <source>%1 by %2</source>
        <translation>%2별 %1</translation>
    </message>
    <message>
        <location filename="../widgets/box_plot_view.cpp" line="224"/>
        <source>Box plot</source>
        <translation>상자 그림</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/box_plot_view.cpp" line="259"/>
        <source>%1 · %Ln value(s)
median %2 · quartiles %3 – %4
whiskers %5 – %6</source>
        <translation>
            <numerusform>%1 · 값 %Ln개
중앙값 %2 · 사분위 %3 – %4
수염 %5 – %6</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/box_plot_view.cpp" line="267"/>
        <source>%1: %2, beyond the whiskers</source>
        <translation>%1: %2, 수염 밖</translation>
    </message>
    <message>
        <location filename="../widgets/box_plot_view.cpp" line="285"/>
        <source>Column:</source>
        <translation>열:</translation>
    </message>
    <message>
        <location filename="../widgets/box_plot_view.cpp" line="286"/>
        <source>Split by:</source>
        <translation>나눌 기준:</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ChartPanel</name>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="179"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="179"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="180"/>
        <source>Save Chart</source>
        <translation>차트 저장</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="133"/>
        <location filename="../widgets/chart_panel.cpp" line="188"/>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="122"/>
        <source>%1 is inside a Kiln workspace; Kiln does not save charts among its own files. Choose another folder.</source>
        <translation>%1은(는) Kiln 작업 공간 안에 있습니다. Kiln은 자신의 파일 사이에 차트를 저장하지 않습니다. 다른 폴더를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="127"/>
        <source>%1 is not a regular file (a folder, a pipe or a device).</source>
        <translation>%1은(는) 일반 파일이 아닙니다(폴더, 파이프 또는 장치).</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="130"/>
        <source>The folder of %1 does not exist.</source>
        <translation>%1의 폴더가 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="152"/>
        <location filename="../widgets/chart_panel.cpp" line="162"/>
        <location filename="../widgets/chart_panel.cpp" line="174"/>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="200"/>
        <source>Computing…</source>
        <translation>계산 중…</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="219"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="220"/>
        <source>Save the chart as an image</source>
        <translation>차트를 이미지로 저장</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="222"/>
        <source>Save as PNG…</source>
        <translation>PNG로 저장…</translation>
    </message>
    <message>
        <location filename="../widgets/chart_panel.cpp" line="223"/>
        <source>Save as SVG…</source>
        <translation>SVG로 저장…</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ColumnProfileModel</name>
    <message>
        <location filename="../widgets/column_profile_model.cpp" line="60"/>
        <location filename="../widgets/column_profile_model.cpp" line="62"/>
        <source>%1 days</source>
        <translation>%1일</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_model.cpp" line="114"/>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_model.cpp" line="115"/>
        <source>Type</source>
        <translation>형식</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_model.cpp" line="116"/>
        <source>Missing</source>
        <translation>결측</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_model.cpp" line="117"/>
        <source>Distinct</source>
        <translation>고유값</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_model.cpp" line="118"/>
        <source>Mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_model.cpp" line="119"/>
        <source>Std</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_model.cpp" line="120"/>
        <source>Min</source>
        <translation>최소</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_model.cpp" line="121"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_model.cpp" line="122"/>
        <source>Distribution</source>
        <translation>분포</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ColumnProfilePanel</name>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="137"/>
        <source>Median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="39"/>
        <source>%1th percentile</source>
        <translation>%1백분위수</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="32"/>
        <source>%1st percentile</source>
        <translation>%1백분위수</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="34"/>
        <source>%1nd percentile</source>
        <translation>%1백분위수</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="36"/>
        <source>%1rd percentile</source>
        <translation>%1백분위수</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="140"/>
        <source>Outliers (1.5 × IQR)</source>
        <translation>이상값 (1.5 × IQR)</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="141"/>
        <source>%1 low · %2 high</source>
        <translation>낮음 %1 · 높음 %2</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="147"/>
        <source>Infinite values</source>
        <translation>무한대 값</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="147"/>
        <source>%1 inf · %2 -inf, left out of the statistics</source>
        <translation>inf %1 · -inf %2, 통계에서 제외됨</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="159"/>
        <source>Length (bytes)</source>
        <translation>길이 (바이트)</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="159"/>
        <source>%1 – %2, mean %3</source>
        <translation>%1 – %2, 평균 %3</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="177"/>
        <source>Quantiles</source>
        <translation>분위수</translation>
    </message>
    <message>
        <location filename="../widgets/column_profile_panel.cpp" line="177"/>
        <source>Most frequent values</source>
        <translation>가장 잦은 값</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ColumnTypeText</name>
    <message>
        <location filename="../widgets/column_type_text.cpp" line="14"/>
        <source>integer</source>
        <translation>정수</translation>
    </message>
    <message>
        <location filename="../widgets/column_type_text.cpp" line="15"/>
        <source>float</source>
        <translation>실수</translation>
    </message>
    <message>
        <location filename="../widgets/column_type_text.cpp" line="16"/>
        <source>boolean</source>
        <translation>불리언</translation>
    </message>
    <message>
        <location filename="../widgets/column_type_text.cpp" line="17"/>
        <source>date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../widgets/column_type_text.cpp" line="18"/>
        <source>datetime</source>
        <translation>날짜·시각</translation>
    </message>
    <message>
        <location filename="../widgets/column_type_text.cpp" line="19"/>
        <source>categorical</source>
        <translation>범주형</translation>
    </message>
    <message>
        <location filename="../widgets/column_type_text.cpp" line="20"/>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::CompareCurvesPanel</name>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="216"/>
        <source>No metric recorded</source>
        <translation>기록된 지표 없음</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="220"/>
        <source>%1 (log)</source>
        <translation>%1 (로그)</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="259"/>
        <source>%1
%2 %3: %4</source>
        <translation>%1
%2 %3: %4</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="325"/>
        <source>%1 runs, %2 points drawn</source>
        <translation>실행 %1개, 점 %2개 표시</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/compare_curves_panel.cpp" line="326"/>
        <source>%n hidden (click the legend)</source>
        <translation>
            <numerusform>%n개 숨김 (범례를 클릭)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="332"/>
        <source>Metric:</source>
        <translation>지표:</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="333"/>
        <source>X:</source>
        <translation>X:</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="334"/>
        <source>Smoothing:</source>
        <translation>평활화:</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="335"/>
        <source>Exponential moving average weight (0: raw values)</source>
        <translation>지수 이동 평균 가중치 (0: 원래 값)</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="336"/>
        <source>Log scale</source>
        <translation>로그 척도</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="337"/>
        <source>Reset zoom</source>
        <translation>확대 초기화</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="339"/>
        <source>Drag across the plot to zoom into a range; this shows all of it again</source>
        <translation>그래프를 드래그하면 구간을 확대합니다. 이 버튼은 전체를 다시 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="340"/>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="341"/>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../widgets/compare_curves_panel.cpp" line="342"/>
        <source>Wall time (s)</source>
        <translation>경과 시간(초)</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::CompareView</name>
    <message numerus="yes">
        <location filename="../widgets/compare_view.cpp" line="170"/>
        <source>Reading %n run(s)…</source>
        <translation>
            <numerusform>실행 %n개 읽는 중…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="190"/>
        <source>Could not read the runs: %1</source>
        <translation>실행을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="203"/>
        <source>status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="204"/>
        <source>dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/compare_view.cpp" line="238"/>
        <source>%n run(s) compared</source>
        <translation>
            <numerusform>실행 %n개 비교</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="240"/>
        <source>%1 of %2 rows differ</source>
        <translation>%2행 중 %1행이 다름</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="271"/>
        <source>Only differences</source>
        <translation>차이만 보기</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="272"/>
        <source>Hide rows whose value is the same for every run</source>
        <translation>모든 실행에서 값이 같은 행을 숨깁니다</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="273"/>
        <source>Copy as CSV</source>
        <translation>CSV로 복사</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ConfusionMatrixView</name>
    <message numerus="yes">
        <location filename="../widgets/confusion_matrix_view.cpp" line="71"/>
        <source>Actual %1, predicted %2: %n row(s) (%3 of actual %1)</source>
        <translation>
            <numerusform>실제 %1, 예측 %2: %n행 (실제 %1 중 %3)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/confusion_matrix_view.cpp" line="216"/>
        <location filename="../widgets/confusion_matrix_view.cpp" line="219"/>
        <source>Predicted class</source>
        <translation>예측 클래스</translation>
    </message>
    <message>
        <location filename="../widgets/confusion_matrix_view.cpp" line="225"/>
        <source>Actual class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <location filename="../widgets/confusion_matrix_view.cpp" line="232"/>
        <source>%1 (% of each actual class)</source>
        <translation>%1 (각 실제 클래스 중 %)</translation>
    </message>
    <message>
        <location filename="../widgets/confusion_matrix_view.cpp" line="243"/>
        <source>No confusion matrix</source>
        <translation>혼동 행렬 없음</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::CorrelationHeatmap</name>
    <message>
        <location filename="../widgets/correlation_heatmap.cpp" line="59"/>
        <source>The first %1 of %2 numeric columns.</source>
        <translation>숫자 열 %2개 중 처음 %1개.</translation>
    </message>
    <message>
        <location filename="../widgets/correlation_heatmap.cpp" line="40"/>
        <source>Spearman rank correlation</source>
        <translation>스피어만 순위 상관</translation>
    </message>
    <message>
        <location filename="../widgets/correlation_heatmap.cpp" line="40"/>
        <source>Pearson correlation</source>
        <translation>피어슨 상관</translation>
    </message>
    <message>
        <location filename="../widgets/correlation_heatmap.cpp" line="43"/>
        <source>A correlation needs at least two numeric columns.</source>
        <translation>상관을 구하려면 숫자 열이 두 개 이상 필요합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/correlation_heatmap.cpp" line="53"/>
        <source>Ranks over %1 rows; grey cells have too few complete rows or no variance.</source>
        <translation>%1개 행의 순위 기준. 회색 칸은 완전한 행이 너무 적거나 분산이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/correlation_heatmap.cpp" line="56"/>
        <source>Pairwise-complete rows; grey cells have too few complete rows or no variance.</source>
        <translation>쌍별 완전 행 기준. 회색 칸은 완전한 행이 너무 적거나 분산이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/correlation_heatmap.cpp" line="67"/>
        <source>Method:</source>
        <translation>방법:</translation>
    </message>
    <message>
        <location filename="../widgets/correlation_heatmap.cpp" line="68"/>
        <source>Pearson</source>
        <translation>피어슨</translation>
    </message>
    <message>
        <location filename="../widgets/correlation_heatmap.cpp" line="69"/>
        <source>Spearman</source>
        <translation>스피어만</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::CvTableModel</name>
    <message>
        <location filename="../widgets/cv_table_model.cpp" line="79"/>
        <source>Mean ± std</source>
        <translation>평균 ± 표준편차</translation>
    </message>
    <message>
        <location filename="../widgets/cv_table_model.cpp" line="81"/>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <location filename="../widgets/cv_table_model.cpp" line="104"/>
        <source>Mean and sample standard deviation over the folds</source>
        <translation>폴드에 대한 평균과 표본 표준편차</translation>
    </message>
    <message>
        <location filename="../widgets/cv_table_model.cpp" line="110"/>
        <source>Fold</source>
        <translation>폴드</translation>
    </message>
    <message>
        <location filename="../widgets/cv_table_model.cpp" line="111"/>
        <source>Training rows</source>
        <translation>학습 행</translation>
    </message>
    <message>
        <location filename="../widgets/cv_table_model.cpp" line="112"/>
        <source>Held-out rows</source>
        <translation>평가 행</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::DatasetPage</name>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="139"/>
        <source>The dataset could not be opened: %1</source>
        <translation>데이터셋을 열 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="154"/>
        <source>Profiling %1 rows…</source>
        <translation>%1개 행 프로파일링 중…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="174"/>
        <source>Profiling failed: %1</source>
        <translation>프로파일링 실패: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="188"/>
        <source>Profile read from the cache in %1 s.</source>
        <translation>캐시에서 프로파일을 %1초 만에 읽었습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="189"/>
        <source>Profiled in %1 s.</source>
        <translation>%1초 만에 프로파일링했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="193"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="194"/>
        <source>Table</source>
        <translation>표</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="195"/>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="196"/>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="197"/>
        <source>Drift</source>
        <translation>드리프트</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="198"/>
        <source>Histogram</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="199"/>
        <source>Box plot</source>
        <translation>상자 그림</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="200"/>
        <source>Categories</source>
        <translation>범주</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="201"/>
        <source>Scatter</source>
        <translation>산점도</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="202"/>
        <source>Correlation</source>
        <translation>상관</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="205"/>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="206"/>
        <source>&lt;b&gt;%1&lt;/b&gt; could not be opened.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;을(를) 열 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="211"/>
        <source>Refresh from Source</source>
        <translation>원본에서 새로 고침</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="212"/>
        <source>Reads %1 again; a new version is made only when its content changed.</source>
        <translation>%1을(를) 다시 읽습니다. 내용이 바뀐 경우에만 새 버전을 만듭니다.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_page.cpp" line="215"/>
        <source>&lt;b style=&apos;font-size:13pt&apos;&gt;%1&lt;/b&gt; &amp;nbsp;version %2 · %3 rows × %4 columns · imported %5 from &lt;span style=&apos;color:#5f6670&apos;&gt;%6&lt;/span&gt;</source>
        <translation>&lt;b style=&apos;font-size:13pt&apos;&gt;%1&lt;/b&gt; &amp;nbsp;버전 %2 · %3행 × %4열 · %5에 &lt;span style=&apos;color:#5f6670&apos;&gt;%6&lt;/span&gt;에서 가져옴</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::DatasetTableModel</name>
    <message>
        <location filename="../widgets/dataset_table_model.cpp" line="115"/>
        <source>%1, ordered</source>
        <translation>%1, 순서 있음</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::DecisionTreeView</name>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="340"/>
        <source>class 1</source>
        <translation>클래스 1</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="342"/>
        <source>P(%1)</source>
        <translation>P(%1)</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="342"/>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="343"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="344"/>
        <source>%1 &lt; %2</source>
        <translation>%1 &lt; %2</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="345"/>
        <source>%1 ≠ %2</source>
        <translation>%1 ≠ %2</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="346"/>
        <source>%1 rows</source>
        <translation>%1행</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="347"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="348"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="349"/>
        <source>yes, or missing</source>
        <translation>예 또는 결측</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="350"/>
        <source>no, or missing</source>
        <translation>아니요 또는 결측</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="355"/>
        <source>the probability that a row is %1</source>
        <translation>행이 %1일 확률</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="356"/>
        <source>the predicted value</source>
        <translation>예측값</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="357"/>
        <source>the predicted %1</source>
        <translation>예측한 %1</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="361"/>
        <source>A row goes down the yes branch when its value is below the threshold, else down the no branch; a missing value takes the branch marked “or missing”. Each box counts the training rows that reached it; a leaf gives %1.</source>
        <translation>값이 임계값보다 작으면 ‘예’ 가지로, 아니면 ‘아니요’ 가지로 내려갑니다. 결측값은 ‘또는 결측’이 표시된 가지로 갑니다. 각 상자는 그곳에 도달한 학습 행 수를 세고, 리프는 %1을(를) 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../widgets/decision_tree_view.cpp" line="414"/>
        <source>Tree for class:</source>
        <translation>클래스별 트리:</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::DriftHistoryChart</name>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="55"/>
        <source>KS statistic D</source>
        <translation>KS 통계량 D</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="57"/>
        <source>Wasserstein distance in standard deviations</source>
        <translation>표준편차 단위 Wasserstein 거리</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="59"/>
        <source>Wasserstein distance in pooled standard deviations</source>
        <translation>합동 표준편차 단위 Wasserstein 거리</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="60"/>
        <location filename="../widgets/drift_history_chart.cpp" line="69"/>
        <source>Cramér&apos;s V</source>
        <translation>크라메르 V</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="61"/>
        <source>Jensen-Shannon distance</source>
        <translation>젠슨-섀넌 거리</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="66"/>
        <source>KS D</source>
        <translation>KS D</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="68"/>
        <source>Wasserstein/SD</source>
        <translation>Wasserstein/SD</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="70"/>
        <source>JS distance</source>
        <translation>JS 거리</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="160"/>
        <source>Predictions</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="189"/>
        <source>Drifted</source>
        <translation>드리프트 발생</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="206"/>
        <source>predictions</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="228"/>
        <source>Report time</source>
        <translation>보고 시각</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="229"/>
        <source>Drift effect size</source>
        <translation>드리프트 효과 크기</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/drift_history_chart.cpp" line="236"/>
        <source>%n drift report(s) of model %1 against its training data.</source>
        <translation>
            <numerusform>모델 %1의 학습 데이터 대비 드리프트 보고 %n건.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="239"/>
        <source>The newest (%1, %2 against %3): %4 of %5 columns drifted.</source>
        <translation>최신 보고(%1, %3 대비 %2): 열 %5개 중 %4개에서 드리프트.</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="244"/>
        <source>Its predictions drifted.</source>
        <translation>예측에서 드리프트가 있었습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="244"/>
        <source>Its predictions did not drift.</source>
        <translation>예측에는 드리프트가 없었습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="249"/>
        <source>Columns drawn:</source>
        <translation>그릴 열:</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="253"/>
        <source>This pipeline has no monitor step: add one to keep the drift of new data over time.</source>
        <translation>이 파이프라인에는 모니터 단계가 없습니다. 새 데이터의 드리프트를 시간에 따라 기록하려면 추가하세요.</translation>
    </message>
    <message>
        <location filename="../widgets/drift_history_chart.cpp" line="254"/>
        <source>No drift reports of model %1 yet. The monitor step records one on each run once the model is in production.</source>
        <translation>모델 %1의 드리프트 보고가 아직 없습니다. 모델이 프로덕션에 오르면 모니터 단계가 실행마다 하나씩 기록합니다.</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::DriftView</name>
    <message numerus="yes">
        <location filename="../widgets/drift_view.cpp" line="154"/>
        <source>%1 · version %2 · %n row(s)</source>
        <translation>
            <numerusform>%1 · 버전 %2 · %n행</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="160"/>
        <source>major</source>
        <translation>큼</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="161"/>
        <source>moderate</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="162"/>
        <source>stable</source>
        <translation>안정</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="167"/>
        <source>added</source>
        <translation>추가됨</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="168"/>
        <source>removed</source>
        <translation>제거됨</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="169"/>
        <source>type changed</source>
        <translation>형식 바뀜</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="194"/>
        <source>Could not list the versions: %1</source>
        <translation>버전 목록을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="196"/>
        <source>There is no other table version to compare with. Import another version of this dataset (or another dataset) first.</source>
        <translation>비교할 다른 표 버전이 없습니다. 먼저 이 데이터셋의 다른 버전(또는 다른 데이터셋)을 가져오세요.</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="215"/>
        <source>Comparing…</source>
        <translation>비교 중…</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="261"/>
        <source>Could not compare: %1</source>
        <translation>비교할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="266"/>
        <source>Against %1: %2 schema changes; %3 of %4 columns drifted (PSI ≥ 0.1: moderate, ≥ 0.25: major).</source>
        <translation>%1 대비: 스키마 변경 %2개, 열 %4개 중 %3개에 드리프트 (PSI ≥ 0.1: 보통, ≥ 0.25: 큼).</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="331"/>
        <source>%1 (bins from)</source>
        <translation>%1 (구간 시작값)</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="343"/>
        <source>Share (%)</source>
        <translation>비율 (%)</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="348"/>
        <source>%1: %2 against %3 · missing %4% and %5%</source>
        <translation>%1: %2 대 %3 · 결측 %4%와 %5%</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="354"/>
        <source>%1 · %2: %3%</source>
        <translation>%1 · %2: %3%</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="365"/>
        <source>Compare against:</source>
        <translation>비교 대상:</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="366"/>
        <location filename="../widgets/drift_view.cpp" line="368"/>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="366"/>
        <source>Schema change</source>
        <translation>스키마 변경</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="366"/>
        <source>Types</source>
        <translation>형식</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="368"/>
        <source>Type</source>
        <translation>형식</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="368"/>
        <source>PSI</source>
        <translation>PSI</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="368"/>
        <source>KS statistic</source>
        <translation>KS 통계량</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="368"/>
        <source>KS p-value</source>
        <translation>KS p-값</translation>
    </message>
    <message>
        <location filename="../widgets/drift_view.cpp" line="368"/>
        <source>Level</source>
        <translation>수준</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::EvaluationView</name>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="178"/>
        <location filename="../widgets/evaluation_view.cpp" line="261"/>
        <source>Chance</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="188"/>
        <source>%1 (AUC %2)</source>
        <translation>%1 (AUC %2)</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="226"/>
        <source>&lt;b&gt;Test set&lt;/b&gt; · %1 rows · accuracy &lt;b&gt;%2&lt;/b&gt; · macro F1 &lt;b&gt;%3&lt;/b&gt; · ROC AUC &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>&lt;b&gt;테스트 세트&lt;/b&gt; · %1행 · 정확도 &lt;b&gt;%2&lt;/b&gt; · 매크로 F1 &lt;b&gt;%3&lt;/b&gt; · ROC AUC &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="247"/>
        <source> · best round %1</source>
        <translation> · 최적 라운드 %1</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="248"/>
        <source> · best epoch %1</source>
        <translation> · 최적 에포크 %1</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="233"/>
        <source>&lt;b&gt;Test set&lt;/b&gt; · %1 rows · RMSE &lt;b&gt;%2&lt;/b&gt; · MAE &lt;b&gt;%3&lt;/b&gt; · R² &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>&lt;b&gt;테스트 세트&lt;/b&gt; · %1행 · RMSE &lt;b&gt;%2&lt;/b&gt; · MAE &lt;b&gt;%3&lt;/b&gt; · R² &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="253"/>
        <source>The evaluation on the test rows appears here when the run completes.</source>
        <translation>실행이 끝나면 테스트 행에 대한 평가가 여기에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="256"/>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="257"/>
        <source>Show each cell as a share of its actual class</source>
        <translation>각 칸을 실제 클래스 중 비율로 보기</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="258"/>
        <source>Hover a cell for its count and share</source>
        <translation>칸 위에 마우스를 올리면 개수와 비율이 보입니다</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="259"/>
        <source>ROC curve</source>
        <translation>ROC 곡선</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="260"/>
        <source>False positive rate</source>
        <translation>위양성률</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="260"/>
        <source>True positive rate</source>
        <translation>진양성률</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="262"/>
        <source>Precision–recall curve</source>
        <translation>정밀도–재현율 곡선</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="263"/>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="263"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="264"/>
        <source>Predicted vs actual</source>
        <translation>예측 대 실제</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="265"/>
        <source>Actual value</source>
        <translation>실제 값</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="265"/>
        <source>Predicted value</source>
        <translation>예측 값</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="266"/>
        <source>Perfect prediction</source>
        <translation>완벽한 예측</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="267"/>
        <source>Test rows</source>
        <translation>테스트 행</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="268"/>
        <source>Residuals (actual − predicted)</source>
        <translation>잔차 (실제 − 예측)</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="269"/>
        <source>Residual</source>
        <translation>잔차</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="269"/>
        <source>Rows</source>
        <translation>행</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::HistogramView</name>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="220"/>
        <source>%1 (× 1e300)</source>
        <translation>%1 (× 1e300)</translation>
    </message>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="107"/>
        <source>This dataset has no numeric or date column.</source>
        <translation>이 데이터셋에는 숫자 또는 날짜 열이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="136"/>
        <source>Could not count the values: %1</source>
        <translation>값을 셀 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/histogram_view.cpp" line="138"/>
        <source>%Ln value(s) · %1 missing · %2 bins%3</source>
        <translation>
            <numerusform>값 %Ln개 · 결측 %1개 · 구간 %2개%3</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="141"/>
        <source> (automatic)</source>
        <translation> (자동)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/histogram_view.cpp" line="158"/>
        <source>%1 – %2: %Ln value(s) (%3%)</source>
        <translation>
            <numerusform>%1 – %2: 값 %Ln개 (%3%)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="170"/>
        <source>Histogram</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="170"/>
        <source>Distribution of %1</source>
        <translation>%1의 분포</translation>
    </message>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="221"/>
        <source>Count</source>
        <translation>개수</translation>
    </message>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="230"/>
        <source>Column:</source>
        <translation>열:</translation>
    </message>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="231"/>
        <source>Bins:</source>
        <translation>구간:</translation>
    </message>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="232"/>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../widgets/histogram_view.cpp" line="233"/>
        <source>Number of bins; Auto picks numpy&apos;s automatic count</source>
        <translation>구간 수. 자동은 numpy의 자동 개수를 씁니다</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ImageDatasetPage</name>
    <message>
        <location filename="../widgets/image_dataset_page.cpp" line="131"/>
        <source>Gallery:</source>
        <translation>갤러리:</translation>
    </message>
    <message>
        <location filename="../widgets/image_dataset_page.cpp" line="134"/>
        <source>All classes</source>
        <translation>모든 클래스</translation>
    </message>
    <message>
        <location filename="../widgets/image_dataset_page.cpp" line="136"/>
        <source>Class balance</source>
        <translation>클래스 균형</translation>
    </message>
    <message>
        <location filename="../widgets/image_dataset_page.cpp" line="136"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../widgets/image_dataset_page.cpp" line="138"/>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/image_dataset_page.cpp" line="139"/>
        <source>&lt;b&gt;%1&lt;/b&gt; could not be opened: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../widgets/image_dataset_page.cpp" line="144"/>
        <source>&lt;b style=&apos;font-size:13pt&apos;&gt;%1&lt;/b&gt; &amp;nbsp;version %2 · %3 images in %4 classes · imported from &lt;span style=&apos;color:#5f6670&apos;&gt;%5&lt;/span&gt;</source>
        <translation>&lt;b style=&apos;font-size:13pt&apos;&gt;%1&lt;/b&gt; &amp;nbsp;버전 %2 · 클래스 %4개에 이미지 %3장 · &lt;span style=&apos;color:#5f6670&apos;&gt;%5&lt;/span&gt;에서 가져옴</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ImportanceChart</name>
    <message>
        <location filename="../widgets/importance_chart.cpp" line="214"/>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <location filename="../widgets/importance_chart.cpp" line="222"/>
        <source>Drop in test %1 when the column is shuffled</source>
        <translation>열을 섞었을 때 테스트 %1의 감소</translation>
    </message>
    <message>
        <location filename="../widgets/importance_chart.cpp" line="223"/>
        <source>Total gain of the splits on the column</source>
        <translation>해당 열 분할의 총 이득</translation>
    </message>
    <message>
        <location filename="../widgets/importance_chart.cpp" line="229"/>
        <source>Permutation importance on the test rows: each input column shuffled in turn, mean ± std over the repeats. Near 0: the model does not rely on the column.</source>
        <translation>테스트 행에서의 순열 중요도: 입력 열을 하나씩 섞어 반복한 결과의 평균 ± 표준편차. 0에 가까우면 모델이 그 열에 의존하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/importance_chart.cpp" line="232"/>
        <source>Total gain: how much the trees&apos; splits on each input column improved the training loss (one-hot columns summed).</source>
        <translation>총 이득: 각 입력 열에 대한 트리 분할이 학습 손실을 얼마나 줄였는지 (원-핫 열은 합산).</translation>
    </message>
    <message>
        <location filename="../widgets/importance_chart.cpp" line="235"/>
        <source>The %1 most important of %2 input columns are shown.</source>
        <translation>입력 열 %2개 중 가장 중요한 %1개를 표시합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/importance_chart.cpp" line="245"/>
        <source>Importance:</source>
        <translation>중요도:</translation>
    </message>
    <message>
        <location filename="../widgets/importance_chart.cpp" line="246"/>
        <source>Permutation (every family)</source>
        <translation>순열 (모든 계열)</translation>
    </message>
    <message>
        <location filename="../widgets/importance_chart.cpp" line="247"/>
        <source>Total gain (trees)</source>
        <translation>총 이득 (트리)</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::JobManager</name>
    <message>
        <location filename="../widgets/job_manager.cpp" line="90"/>
        <source>Unexpected error: %1</source>
        <translation>예기치 않은 오류: %1</translation>
    </message>
    <message>
        <location filename="../widgets/job_manager.cpp" line="93"/>
        <source>Unexpected error of unknown type</source>
        <translation>알 수 없는 유형의 예기치 않은 오류</translation>
    </message>
    <message>
        <location filename="../widgets/job_manager.cpp" line="148"/>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../widgets/job_manager.cpp" line="150"/>
        <source>Completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../widgets/job_manager.cpp" line="152"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../widgets/job_manager.cpp" line="154"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::JobsModel</name>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="16"/>
        <source>Checking columns</source>
        <translation>열 확인 중</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="17"/>
        <source>Compared</source>
        <translation>비교 완료</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="18"/>
        <source>Correlations</source>
        <translation>상관관계 계산</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="19"/>
        <source>Looking for duplicate rows</source>
        <translation>중복 행 찾는 중</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="20"/>
        <source>Parsing</source>
        <translation>구문 분석 중</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="21"/>
        <source>Profiled</source>
        <translation>프로파일 완료</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="22"/>
        <source>Reading images</source>
        <translation>이미지 읽는 중</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="23"/>
        <source>trials</source>
        <translation>시도</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="24"/>
        <source>Validated</source>
        <translation>검증 완료</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="25"/>
        <source>Verifying objects</source>
        <translation>객체 검증 중</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="98"/>
        <source>Issues: %1</source>
        <translation>문제: %1</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="107"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="112"/>
        <source>%1% (%2 of %3)</source>
        <translation>%1% (%3 중 %2)</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="122"/>
        <source>Job</source>
        <translation>작업</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="124"/>
        <source>Stage</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="126"/>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="128"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="130"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::JobsView</name>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="108"/>
        <source>Cancel Job</source>
        <translation>작업 취소</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="109"/>
        <source>Stop the selected job at its next checkpoint</source>
        <translation>선택한 작업을 다음 확인 지점에서 멈춥니다</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="110"/>
        <source>Clear Finished</source>
        <translation>끝난 작업 지우기</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="111"/>
        <source>Issues reported by jobs</source>
        <translation>작업이 보고한 문제</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="112"/>
        <source>Issue</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="112"/>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="112"/>
        <source>Job</source>
        <translation>작업</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::Messages</name>
    <message>
        <location filename="../widgets/message_texts.cpp" line="41"/>
        <source>Import folder %1</source>
        <translation>폴더 %1 가져오기</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="43"/>
        <source>Import %1 from a database</source>
        <translation>데이터베이스에서 %1 가져오기</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="45"/>
        <source>Refresh %1 from its source</source>
        <translation>원본에서 %1 새로 고침</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="47"/>
        <source>Unchanged: %1 is what its source holds (%2 rows)</source>
        <translation>바뀐 것 없음: %1이(가) 원본의 내용과 같습니다 (%2행)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="48"/>
        <source>Import %1</source>
        <translation>%1 가져오기</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="49"/>
        <source>Imported %1: %2 rows</source>
        <translation>%1 가져옴: %2행</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="51"/>
        <source>Already imported as %1 (%2 rows)</source>
        <translation>이미 %1(으)로 가져왔음 (%2행)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="52"/>
        <source>Training run %1</source>
        <translation>학습 실행 %1</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="53"/>
        <source>Sweep on %1</source>
        <translation>%1 스윕</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="54"/>
        <source>Export %1 to ONNX</source>
        <translation>%1을(를) ONNX로 내보내기</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="55"/>
        <source>Register %1 as model %2</source>
        <translation>%1을(를) 모델 %2(으)로 등록</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="56"/>
        <source>Predict %1 on %2</source>
        <translation>%1(으)로 %2 예측</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="57"/>
        <source>Serve %1</source>
        <translation>%1 서비스</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="60"/>
        <source>nested column &apos;%1&apos; (a list) left out</source>
        <translation>중첩 열 &apos;%1&apos;(리스트)은 제외했습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="62"/>
        <source>nested column &apos;%1&apos; (a map) left out</source>
        <translation>중첩 열 &apos;%1&apos;(맵)은 제외했습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="64"/>
        <source>nested column &apos;%1&apos; (a struct) left out</source>
        <translation>중첩 열 &apos;%1&apos;(구조체)은 제외했습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="66"/>
        <source>nested column &apos;%1&apos; (a repeated group) left out</source>
        <translation>중첩 열 &apos;%1&apos;(반복 그룹)은 제외했습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="68"/>
        <source>nested column &apos;%1&apos; (a repeated field) left out</source>
        <translation>중첩 열 &apos;%1&apos;(반복 필드)은 제외했습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="70"/>
        <source>%1 cells held an Excel error and read as missing (the first: %2)</source>
        <translation>Excel 오류 값이 든 셀 %1개를 결측으로 읽었습니다 (첫 번째: %2)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="73"/>
        <source>%1 date cells with no calendar date (Excel&apos;s 1900-02-29, or out of range) read as missing</source>
        <translation>달력에 없는 날짜 셀 %1개(Excel의 1900-02-29 또는 범위 밖)를 결측으로 읽었습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="76"/>
        <source>dates in the 1904 date system</source>
        <translation>날짜는 1904 날짜 체계입니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="79"/>
        <source>the request lacks the columns %1 that the model takes as input</source>
        <translation>요청에 모델이 입력으로 받는 열 %1이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="81"/>
        <source>row %1, column &apos;%2&apos;: %3 is not a number</source>
        <translation>%1행, 열 &apos;%2&apos;: %3은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="82"/>
        <source>the body is not valid JSON</source>
        <translation>본문이 올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="83"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="84"/>
        <source>Verify workspace objects</source>
        <translation>작업 공간 객체 검증</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="85"/>
        <source>epoch %1</source>
        <translation>에포크 %1</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="86"/>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="87"/>
        <source>starting</source>
        <translation>시작하는 중</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="88"/>
        <source>predicting</source>
        <translation>예측하는 중</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="89"/>
        <source>registered</source>
        <translation>등록됨</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="91"/>
        <source>exporting, verifying and evaluating</source>
        <translation>내보내고 검증하고 평가하는 중</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="93"/>
        <source>loading run %1</source>
        <translation>실행 %1 읽는 중</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="94"/>
        <source>writing %1</source>
        <translation>%1 쓰는 중</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="96"/>
        <source>verifying on %1 held-out rows</source>
        <translation>보류 행 %1개로 검증하는 중</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="98"/>
        <source>verifying on %1 training rows</source>
        <translation>학습 행 %1개로 검증하는 중</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="100"/>
        <source>columns the model does not use were ignored: %1</source>
        <translation>모델이 쓰지 않는 열은 무시했습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="101"/>
        <source>the folder %1 does not exist</source>
        <translation>폴더 %1이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="103"/>
        <source>Pipeline %1</source>
        <translation>파이프라인 %1</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="104"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="105"/>
        <source>step &apos;%1&apos; failed: %2</source>
        <translation>&apos;%1&apos; 단계 실패: %2</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="106"/>
        <source>no new data</source>
        <translation>새 데이터 없음</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="107"/>
        <source>skipped: no new data</source>
        <translation>건너뜀: 새 데이터 없음</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="109"/>
        <source>skipped: an earlier step failed</source>
        <translation>건너뜀: 앞 단계가 실패함</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="110"/>
        <source>skipped: %1</source>
        <translation>건너뜀: %1</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="111"/>
        <source>refused: %1</source>
        <translation>거부됨: %1</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="112"/>
        <source>it never ran</source>
        <translation>아직 실행된 적 없음</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="113"/>
        <source>its key changed</source>
        <translation>키가 바뀜</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="114"/>
        <source>unchanged since run %1</source>
        <translation>실행 %1 이후 바뀌지 않음</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="115"/>
        <source>it failed in run %1: %2</source>
        <translation>실행 %1에서 실패함: %2</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="116"/>
        <source>its settings changed (%1)</source>
        <translation>설정이 바뀜 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="118"/>
        <source>the newest file is now %1 (was %2)</source>
        <translation>최신 파일이 이제 %1 (이전: %2)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="120"/>
        <source>files were added, removed or changed in %1</source>
        <translation>%1에서 파일이 추가·삭제·변경됨</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="122"/>
        <source>the production model changed (%1 → %2)</source>
        <translation>프로덕션 모델이 바뀜 (%1 → %2)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="124"/>
        <source>the trained model changed (run %1 → %2)</source>
        <translation>학습된 모델이 바뀜 (실행 %1 → %2)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="126"/>
        <source>the reference data changed (%1 → %2)</source>
        <translation>기준 데이터가 바뀜 (%1 → %2)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="128"/>
        <source>its output is gone (%1): made again</source>
        <translation>출력이 없어짐 (%1): 다시 만듦</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="131"/>
        <source>cannot reach %1 over SSH: %2</source>
        <translation>SSH로 %1에 연결할 수 없음: %2</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="132"/>
        <source>cannot reach %1 over SSH</source>
        <translation>SSH로 %1에 연결할 수 없음</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="135"/>
        <source>CUDA is not available: this LibTorch was built without CUDA (Debian&apos;s CPU build)</source>
        <translation>CUDA를 쓸 수 없음: 이 LibTorch는 CUDA 없이 빌드되었습니다 (Debian의 CPU 빌드)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="138"/>
        <source>CUDA is not available: no CUDA device is visible to LibTorch</source>
        <translation>CUDA를 쓸 수 없음: LibTorch에 보이는 CUDA 장치가 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="140"/>
        <source>CUDA is available; using the first GPU</source>
        <translation>CUDA 사용 가능: 첫 번째 GPU를 씁니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="141"/>
        <source>the CPU was requested</source>
        <translation>CPU가 요청되었습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="144"/>
        <source>task classification chosen from target &apos;%1&apos; (%2)</source>
        <translation>목표 &apos;%1&apos;(%2)을(를) 보고 분류 작업을 골랐습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="146"/>
        <source>task regression chosen from target &apos;%1&apos; (%2)</source>
        <translation>목표 &apos;%1&apos;(%2)을(를) 보고 회귀 작업을 골랐습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="149"/>
        <source>model auto: the family (linear, MLP, boosted trees or forest) is chosen by cross-validation on the training rows when the run starts</source>
        <translation>모델 자동: 실행이 시작될 때 학습 데이터의 교차 검증으로 계열(선형, MLP, 부스팅 트리, 랜덤 포레스트)을 고릅니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="153"/>
        <source>left out column &apos;%1&apos;: it is free text</source>
        <translation>열 &apos;%1&apos; 제외: 자유 텍스트입니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="155"/>
        <source>left out column &apos;%1&apos;: it looks like an ID (unique integers)</source>
        <translation>열 &apos;%1&apos; 제외: ID로 보입니다 (고유한 정수)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="157"/>
        <source>left out column &apos;%1&apos;: it looks like an ID (a distinct category on most rows)</source>
        <translation>열 &apos;%1&apos; 제외: ID로 보입니다 (대부분의 행마다 다른 범주)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="160"/>
        <source>left out column &apos;%1&apos;: it is constant</source>
        <translation>열 &apos;%1&apos; 제외: 값이 하나뿐입니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="161"/>
        <source>left out column &apos;%1&apos;: excluded</source>
        <translation>열 &apos;%1&apos; 제외: 직접 뺐습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="162"/>
        <source>target &apos;%1&apos; chosen by its name</source>
        <translation>이름을 보고 목표 &apos;%1&apos;을(를) 골랐습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="164"/>
        <source>every value is missing</source>
        <translation>모든 값이 결측입니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="167"/>
        <source>%1 of values are missing: as the target those rows are left out of training; as a feature the cells are filled (or, for trees, kept)</source>
        <translation>값의 %1이(가) 결측입니다: 목표라면 그 행은 학습에서 빠지고, 특성이라면 칸을 채웁니다(트리는 그대로 둡니다)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="170"/>
        <source>%1 of values are missing</source>
        <translation>값의 %1이(가) 결측입니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="172"/>
        <source>has a single value: it carries no information</source>
        <translation>값이 하나뿐이라 정보가 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="174"/>
        <source>every value is different: looks like an identifier, not a feature</source>
        <translation>모든 값이 달라 특성이 아니라 식별자로 보입니다</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="176"/>
        <source>%1 distinct values: encode as text or drop before training</source>
        <translation>서로 다른 값 %1개: 학습 전에 텍스트로 인코딩하거나 빼세요</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="178"/>
        <source>about %1 distinct values: encode as text or drop before training</source>
        <translation>서로 다른 값 약 %1개: 학습 전에 텍스트로 인코딩하거나 빼세요</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="181"/>
        <source>1 value (%1) lies beyond 1.5 IQR of the quartiles (%2 low, %3 high)</source>
        <translation>값 1개(%1)가 사분위에서 1.5 IQR 밖에 있습니다 (낮은 쪽 %2, 높은 쪽 %3)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="183"/>
        <source>%1 values (%2) lie beyond 1.5 IQR of the quartiles (%3 low, %4 high)</source>
        <translation>값 %1개(%2)가 사분위에서 1.5 IQR 밖에 있습니다 (낮은 쪽 %3, 높은 쪽 %4)</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="186"/>
        <source>1 row (%1) repeats an earlier row; first: row %2 equals row %3</source>
        <translation>행 1개(%1)가 앞의 행과 같습니다. 처음: 행 %2 = 행 %3</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="188"/>
        <source>%1 rows (%2) repeat an earlier row; first: row %3 equals row %4</source>
        <translation>행 %1개(%2)가 앞의 행과 같습니다. 처음: 행 %3 = 행 %4</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="192"/>
        <source>class imbalance: &apos;%1&apos; has %2 rows, &apos;%3&apos; has %4 (ratio %5); consider class weights or stratified splits</source>
        <translation>클래스 불균형: &apos;%1&apos;은(는) %2행, &apos;%3&apos;은(는) %4행 (비율 %5). 클래스 가중치나 층화 분할을 고려하세요</translation>
    </message>
    <message>
        <location filename="../widgets/message_texts.cpp" line="198"/>
        <source>this LibTorch build has no CUDA support (Debian&apos;s libtorch is CPU-only; point CMAKE_PREFIX_PATH at a CUDA LibTorch to use a GPU)</source>
        <translation>이 LibTorch 빌드는 CUDA를 지원하지 않습니다 (Debian의 libtorch는 CPU 전용입니다. GPU를 쓰려면 CMAKE_PREFIX_PATH를 CUDA LibTorch로 지정하세요)</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::MetricPlot</name>
    <message>
        <location filename="../widgets/metric_plot.cpp" line="167"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../widgets/metric_plot.cpp" line="168"/>
        <source>%1
%2 %3: %4</source>
        <translation>%1
%2 %3: %4</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ModelFamily</name>
    <message>
        <location filename="../widgets/model_family.cpp" line="10"/>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../widgets/model_family.cpp" line="12"/>
        <source>linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <location filename="../widgets/model_family.cpp" line="14"/>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <location filename="../widgets/model_family.cpp" line="16"/>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <location filename="../widgets/model_family.cpp" line="18"/>
        <source>boosted trees</source>
        <translation>부스티드 트리</translation>
    </message>
    <message>
        <location filename="../widgets/model_family.cpp" line="20"/>
        <source>random forest</source>
        <translation>랜덤 포레스트</translation>
    </message>
    <message>
        <location filename="../widgets/model_family.cpp" line="22"/>
        <source>decision tree</source>
        <translation>결정 트리</translation>
    </message>
    <message>
        <location filename="../widgets/model_family.cpp" line="33"/>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../widgets/model_family.cpp" line="35"/>
        <source>Macro F1</source>
        <translation>매크로 F1</translation>
    </message>
    <message>
        <location filename="../widgets/model_family.cpp" line="37"/>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <location filename="../widgets/model_family.cpp" line="39"/>
        <source>Log loss</source>
        <translation>로그 손실</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ModelInsightView</name>
    <message>
        <location filename="../widgets/model_insight_view.cpp" line="107"/>
        <source>%1 %2 ± %3</source>
        <translation>%1 %2 ± %3</translation>
    </message>
    <message>
        <location filename="../widgets/model_insight_view.cpp" line="111"/>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <location filename="../widgets/model_insight_view.cpp" line="117"/>
        <source>Auto chose &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>자동 선택: &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../widgets/model_insight_view.cpp" line="118"/>
        <source>Auto chose &lt;b&gt;%1&lt;/b&gt; because it scored best in cross-validation on the training rows: %2 %3</source>
        <translation>학습 행에 대한 교차 검증에서 가장 높은 점수를 받아 자동으로 &lt;b&gt;%1&lt;/b&gt;을(를) 선택했습니다: %2 %3</translation>
    </message>
    <message>
        <location filename="../widgets/model_insight_view.cpp" line="122"/>
        <source>the others: %1</source>
        <translation>다른 후보: %1</translation>
    </message>
    <message>
        <location filename="../widgets/model_insight_view.cpp" line="132"/>
        <source>The final model then trained on all %1 non-test rows for %2 boosting rounds, the folds&apos; mean best.</source>
        <translation>이어서 최종 모델은 테스트가 아닌 모든 행 %1개로 부스팅 %2라운드(폴드별 최적 라운드의 평균) 동안 학습했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/model_insight_view.cpp" line="137"/>
        <source>The final model then trained on all %1 non-test rows for %2 epochs, the folds&apos; mean best.</source>
        <translation>이어서 최종 모델은 테스트가 아닌 모든 행 %1개로 %2에포크(폴드별 최적 에포크의 평균) 동안 학습했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/model_insight_view.cpp" line="142"/>
        <source>The final model then trained on all %1 non-test rows.</source>
        <translation>이어서 최종 모델은 테스트가 아닌 모든 행 %1개로 학습했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/model_insight_view.cpp" line="149"/>
        <source>%1-fold cross-validation on the training and validation rows (the test rows are kept apart): each fold is scored on the rows held out of it.</source>
        <translation>학습·검증 행에 대한 %1겹 교차 검증(테스트 행은 따로 둠): 각 폴드는 그 폴드에서 빼 둔 행으로 평가합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/model_insight_view.cpp" line="158"/>
        <source>Cross-validation</source>
        <translation>교차 검증</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::NavigatorView</name>
    <message>
        <location filename="../widgets/catalog_snapshot.cpp" line="36"/>
        <source>%1 · versions: %2</source>
        <translation>%1 · 버전: %2</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="57"/>
        <source>queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="60"/>
        <location filename="../widgets/navigator_view.cpp" line="93"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="63"/>
        <location filename="../widgets/navigator_view.cpp" line="83"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="65"/>
        <location filename="../widgets/navigator_view.cpp" line="85"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="68"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="71"/>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="88"/>
        <source>model refused</source>
        <translation>모델 거부됨</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="91"/>
        <source>no new data</source>
        <translation>새 데이터 없음</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="97"/>
        <source>schedule paused</source>
        <translation>일정 일시 중지됨</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="108"/>
        <source>Scheduled: %1</source>
        <translation>일정: %1</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="181"/>
        <source>Datasets (%1)</source>
        <translation>데이터셋 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="182"/>
        <source>Runs (%1)</source>
        <translation>실행 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="183"/>
        <source>Models (%1)</source>
        <translation>모델 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="184"/>
        <source>Pipelines (%1)</source>
        <translation>파이프라인 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="190"/>
        <source>images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="190"/>
        <source>rows</source>
        <translation>행</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="191"/>
        <source>version %1 · %2 %3</source>
        <translation>버전 %1 · %2 %3</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="195"/>
        <source>%1, imported %2</source>
        <translation>%1, %2에 가져옴</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/navigator_view.cpp" line="210"/>
        <source>Sweep: %1 (%n trial(s))</source>
        <translation>
            <numerusform>스윕: %1 (시도 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="213"/>
        <source>Sweep %1: its trials, each named by what sets it apart</source>
        <translation>스윕 %1: 각 시도는 다른 시도와 다른 점으로 이름이 붙습니다</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="253"/>
        <source>Could not read the catalog: %1</source>
        <translation>카탈로그를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="255"/>
        <source>No datasets yet.
Drop a CSV file or an image folder here.</source>
        <translation>아직 데이터셋이 없습니다.
CSV나 이미지 폴더를 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="257"/>
        <source>No runs yet.
Train a model on a dataset.</source>
        <translation>아직 실행이 없습니다.
데이터셋으로 모델을 학습하세요.</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="259"/>
        <source>No models yet.
Register a trained run.</source>
        <translation>아직 모델이 없습니다.
학습된 실행을 등록하세요.</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="261"/>
        <source>No pipelines yet.
Open a pipeline file with File ▸ Open Pipeline….</source>
        <translation>아직 파이프라인이 없습니다.
파일 ▸ 파이프라인 열기…로 파이프라인 파일을 여세요.</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="326"/>
        <source>Compare Its Trials</source>
        <translation>시도 비교</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="327"/>
        <source>Show Sweep Record</source>
        <translation>스윕 기록 보기</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="329"/>
        <source>Delete Sweep and Its Trials…</source>
        <translation>스윕과 그 시도 삭제…</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/navigator_view.cpp" line="330"/>
        <source>Delete %n Sweeps and Their Trials…</source>
        <translation>
            <numerusform>스윕 %n개와 그 시도 삭제…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="334"/>
        <location filename="../widgets/navigator_view.cpp" line="339"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="335"/>
        <source>Run Now</source>
        <translation>지금 실행</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="336"/>
        <source>Show Pipeline File</source>
        <translation>파이프라인 파일 보기</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="341"/>
        <source>Train a Model…</source>
        <translation>모델 학습…</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="342"/>
        <location filename="../widgets/navigator_view.cpp" line="356"/>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="343"/>
        <source>Show Source File</source>
        <translation>원본 파일 보기</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="345"/>
        <source>Compare Selected Runs</source>
        <translation>선택한 실행 비교</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="347"/>
        <source>Export ONNX…</source>
        <translation>ONNX 내보내기…</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="348"/>
        <source>Register Model…</source>
        <translation>모델 등록…</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="353"/>
        <source>Remove Star</source>
        <translation>별표 해제</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="355"/>
        <source>Star (Keep)</source>
        <translation>별표 (보관)</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="357"/>
        <source>Show Run Folder</source>
        <translation>실행 폴더 보기</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="360"/>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/navigator_view.cpp" line="360"/>
        <source>Delete %n Items…</source>
        <translation>
            <numerusform>항목 %n개 삭제…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ParallelCoordinatesView</name>
    <message numerus="yes">
        <location filename="../widgets/parallel_coordinates_canvas.cpp" line="190"/>
        <source>Sweep: %n trial(s)</source>
        <translation>
            <numerusform>스윕: 시행 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/parallel_coordinates_canvas.cpp" line="296"/>
        <source>best</source>
        <translation>최고</translation>
    </message>
    <message>
        <location filename="../widgets/parallel_coordinates_canvas.cpp" line="299"/>
        <source>worst</source>
        <translation>최저</translation>
    </message>
    <message>
        <location filename="../widgets/parallel_coordinates_view.cpp" line="59"/>
        <source>%1 of %2 trials have a %3 value; colour: %3 (%4 is better)</source>
        <translation>시행 %2개 중 %1개에 %3 값이 있음. 색: %3 (%4 값이 좋음)</translation>
    </message>
    <message>
        <location filename="../widgets/parallel_coordinates_view.cpp" line="63"/>
        <source>higher</source>
        <translation>높은</translation>
    </message>
    <message>
        <location filename="../widgets/parallel_coordinates_view.cpp" line="63"/>
        <source>lower</source>
        <translation>낮은</translation>
    </message>
    <message>
        <location filename="../widgets/parallel_coordinates_view.cpp" line="70"/>
        <source>Trials appear here as they start</source>
        <translation>시행이 시작되면 여기에 나타납니다</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ParamMetricScatter</name>
    <message>
        <location filename="../widgets/param_metric_scatter.cpp" line="134"/>
        <source>Parameter against metric</source>
        <translation>파라미터 대 지표</translation>
    </message>
    <message>
        <location filename="../widgets/param_metric_scatter.cpp" line="135"/>
        <source>%1 against %2</source>
        <translation>%2 대비 %1</translation>
    </message>
    <message>
        <location filename="../widgets/param_metric_scatter.cpp" line="151"/>
        <source>final %1</source>
        <translation>최종 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/param_metric_scatter.cpp" line="167"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>실행 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/param_metric_scatter.cpp" line="171"/>
        <source>%1 at positions: %2</source>
        <translation>%1 위치: %2</translation>
    </message>
    <message>
        <location filename="../widgets/param_metric_scatter.cpp" line="176"/>
        <source>Parameter:</source>
        <translation>파라미터:</translation>
    </message>
    <message>
        <location filename="../widgets/param_metric_scatter.cpp" line="177"/>
        <source>Metric:</source>
        <translation>지표:</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::PerClassModel</name>
    <message>
        <location filename="../widgets/per_class_model.cpp" line="38"/>
        <source>Macro average</source>
        <translation>매크로 평균</translation>
    </message>
    <message>
        <location filename="../widgets/per_class_model.cpp" line="101"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../widgets/per_class_model.cpp" line="103"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../widgets/per_class_model.cpp" line="105"/>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <location filename="../widgets/per_class_model.cpp" line="107"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../widgets/per_class_model.cpp" line="109"/>
        <source>Support</source>
        <translation>지지도</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::PipelineGraphView</name>
    <message>
        <location filename="../widgets/pipeline_graph_view.cpp" line="44"/>
        <source>ran</source>
        <translation>실행됨</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_graph_view.cpp" line="45"/>
        <source>reused</source>
        <translation>재사용</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_graph_view.cpp" line="46"/>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_graph_view.cpp" line="47"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_graph_view.cpp" line="48"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_graph_view.cpp" line="51"/>
        <source>not run</source>
        <translation>실행 안 됨</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_graph_view.cpp" line="214"/>
        <source>The pipeline file declares no steps.</source>
        <translation>파이프라인 파일에 단계가 없습니다.</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::PipelinePage</name>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="312"/>
        <source>&lt;p&gt;Click a step of the graph to see its record.&lt;/p&gt;</source>
        <translation>&lt;p&gt;그래프에서 단계를 클릭하면 기록을 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="313"/>
        <source>&lt;p&gt;This pipeline has not run in this workspace yet. Run Now runs it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;이 파이프라인은 이 작업 공간에서 아직 실행되지 않았습니다. 지금 실행을 누르면 실행됩니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="320"/>
        <source>(this step printed nothing)</source>
        <translation>(이 단계는 아무것도 출력하지 않았습니다)</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="325"/>
        <source>&lt;p&gt;This pipeline has no gate step.&lt;/p&gt;</source>
        <translation>&lt;p&gt;이 파이프라인에는 게이트 단계가 없습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="330"/>
        <source>Pipeline</source>
        <translation>파이프라인</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="330"/>
        <source>Pipeline %1</source>
        <translation>파이프라인 %1</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="332"/>
        <source>Reading the pipeline…</source>
        <translation>파이프라인을 읽는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="338"/>
        <source>The pipeline file cannot be read: %1</source>
        <translation>파이프라인 파일을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="340"/>
        <source>Running…</source>
        <translation>실행 중…</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="345"/>
        <source>Run Now</source>
        <translation>지금 실행</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="347"/>
        <source>Run the pipeline: steps whose inputs did not change are reused</source>
        <translation>파이프라인 실행: 입력이 바뀌지 않은 단계는 재사용됩니다</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="348"/>
        <source>Schedule Again</source>
        <translation>일정 다시 등록</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="348"/>
        <source>Schedule</source>
        <translation>일정 등록</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="351"/>
        <source>The pipeline file names no schedule: add a schedule: line to it</source>
        <translation>파이프라인 파일에 일정이 없습니다. schedule: 줄을 추가하세요</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="352"/>
        <source>Install the file&apos;s schedule as a systemd user timer (or in your crontab)</source>
        <translation>파일의 일정을 systemd 사용자 타이머(또는 crontab)로 등록합니다</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="353"/>
        <source>Unschedule</source>
        <translation>일정 해제</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="355"/>
        <source>Open Training Run</source>
        <translation>학습 실행 열기</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="356"/>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="357"/>
        <source>Drift over Time</source>
        <translation>시간에 따른 드리프트</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="358"/>
        <location filename="../widgets/pipeline_texts.cpp" line="109"/>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="359"/>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="360"/>
        <source>Gate</source>
        <translation>게이트</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/pipeline_page.cpp" line="361"/>
        <source>History (%n run(s))</source>
        <translation>
            <numerusform>기록 (실행 %n회)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="362"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="362"/>
        <source>Trigger</source>
        <translation>시작 방식</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="362"/>
        <location filename="../widgets/pipeline_texts.cpp" line="111"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="362"/>
        <location filename="../widgets/pipeline_texts.cpp" line="114"/>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="362"/>
        <location filename="../widgets/pipeline_texts.cpp" line="116"/>
        <source>Took</source>
        <translation>소요</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="362"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="365"/>
        <source>Steps of the pipeline file (not run yet)</source>
        <translation>파이프라인 파일의 단계 (아직 실행 안 됨)</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_page.cpp" line="368"/>
        <source>Run #%1 · %2 · %3 · %4</source>
        <translation>실행 #%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="57"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="58"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="59"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="60"/>
        <source>model refused</source>
        <translation>모델 거부됨</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="61"/>
        <source>no new data</source>
        <translation>새 데이터 없음</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="67"/>
        <source>scheduled</source>
        <translation>예약 실행</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="67"/>
        <source>manual</source>
        <translation>수동</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="79"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="81"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="83"/>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="89"/>
        <source>Not scheduled: the file names no schedule.</source>
        <translation>일정 없음: 파일에 일정이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="90"/>
        <source>Not scheduled. The file asks for &quot;%1&quot;: Schedule installs it.</source>
        <translation>일정 없음. 파일은 &quot;%1&quot; 일정을 요청합니다. 일정 등록을 누르면 설치됩니다.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="93"/>
        <source>a systemd user timer (%1)</source>
        <translation>systemd 사용자 타이머(%1)</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="93"/>
        <source>a block in your crontab</source>
        <translation>crontab의 블록</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="94"/>
        <source>Paused: %1. Schedule again to resume.</source>
        <translation>일시 중지됨: %1. 다시 시작하려면 일정을 다시 등록하세요.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="95"/>
        <source>Runs &quot;%1&quot; through %2.</source>
        <translation>%2(으)로 &quot;%1&quot;에 실행됩니다.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="98"/>
        <source>Next run: %1.</source>
        <translation>다음 실행: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/pipeline_texts.cpp" line="101"/>
        <source>More than %n scheduled run(s) did not happen.</source>
        <translation>
            <numerusform>예약된 실행 %n회 이상이 실행되지 않았습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/pipeline_texts.cpp" line="102"/>
        <source>%n scheduled run(s) did not happen.</source>
        <translation>
            <numerusform>예약된 실행 %n회가 실행되지 않았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="113"/>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="113"/>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="117"/>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="120"/>
        <source>Outputs</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="125"/>
        <source>Inputs in its key</source>
        <translation>키에 들어간 입력</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="135"/>
        <source>&lt;p&gt;The gate has not compared a model in this run (%1).&lt;/p&gt;</source>
        <translation>&lt;p&gt;이 실행에서 게이트는 모델을 비교하지 않았습니다(%1).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="140"/>
        <source>Passed: the new model may be promoted.</source>
        <translation>통과: 새 모델을 승격할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="141"/>
        <source>Refused: production stays as it was.</source>
        <translation>거부: 프로덕션은 그대로 유지됩니다.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="143"/>
        <source>Metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="144"/>
        <source>New model (run %1)</source>
        <translation>새 모델 (실행 %1)</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="146"/>
        <source>Production (%1)</source>
        <translation>프로덕션 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="149"/>
        <source>Difference</source>
        <translation>차이</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="153"/>
        <source>Must beat production by</source>
        <translation>프로덕션보다 앞서야 하는 차이</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="155"/>
        <source>Production</source>
        <translation>프로덕션</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="155"/>
        <source>none yet: nothing to beat</source>
        <translation>아직 없음: 비교할 모델 없음</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="157"/>
        <source>Must reach at least</source>
        <translation>최소 기준</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="159"/>
        <source>Evaluated on</source>
        <translation>평가 데이터</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline_texts.cpp" line="159"/>
        <source>the same %1 %2 rows for both</source>
        <translation>두 모델 모두 같은 %2 행 %1개</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::RunCurvesView</name>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="142"/>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="142"/>
        <source>Round</source>
        <translation>라운드</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="143"/>
        <location filename="../widgets/run_curves_view.cpp" line="144"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="145"/>
        <source>Training, as it comes</source>
        <translation>학습 (진행 중 값)</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="146"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="147"/>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="148"/>
        <location filename="../widgets/run_curves_view.cpp" line="149"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="151"/>
        <source>Validation accuracy and macro F1</source>
        <translation>검증 정확도와 매크로 F1</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="152"/>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="153"/>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="154"/>
        <source>Macro F1</source>
        <translation>매크로 F1</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="155"/>
        <source>Validation ROC AUC</source>
        <translation>검증 ROC AUC</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="156"/>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="158"/>
        <source>Validation RMSE and MAE</source>
        <translation>검증 RMSE와 MAE</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="159"/>
        <source>Error (target units)</source>
        <translation>오차 (목표 단위)</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="160"/>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="161"/>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="162"/>
        <source>Validation R²</source>
        <translation>검증 R²</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="163"/>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <location filename="../widgets/run_curves_view.cpp" line="165"/>
        <source>Validation metrics</source>
        <translation>검증 지표</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::RunRecord</name>
    <message>
        <location filename="../widgets/run_record.cpp" line="94"/>
        <source>Worker: kiln %1, protocol %2</source>
        <translation>워커: kiln %1, 프로토콜 %2</translation>
    </message>
    <message>
        <location filename="../widgets/run_record.cpp" line="100"/>
        <source>Resumed on %1: %2</source>
        <translation>%1에서 이어서 시작: %2</translation>
    </message>
    <message>
        <location filename="../widgets/run_record.cpp" line="101"/>
        <source>Started on %1: %2</source>
        <translation>%1에서 시작: %2</translation>
    </message>
    <message>
        <location filename="../widgets/run_record.cpp" line="105"/>
        <source>Saved %1: %2 (%3 bytes)</source>
        <translation>%1 저장: %2 (%3바이트)</translation>
    </message>
    <message>
        <location filename="../widgets/run_record.cpp" line="113"/>
        <source>Finished: %1</source>
        <translation>종료: %1</translation>
    </message>
    <message>
        <location filename="../widgets/run_record.cpp" line="115"/>
        <source>Finished: %1 (%2)</source>
        <translation>종료: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::RunsTableModel</name>
    <message>
        <location filename="../widgets/runs_table_model.cpp" line="99"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_model.cpp" line="100"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_model.cpp" line="101"/>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_model.cpp" line="102"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_model.cpp" line="103"/>
        <source>Created</source>
        <translation>생성 시각</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_model.cpp" line="201"/>
        <source>Parameter %1</source>
        <translation>파라미터 %1</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_model.cpp" line="202"/>
        <source>Final value of %1</source>
        <translation>%1의 최종 값</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::RunsTableView</name>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="120"/>
        <source>Reading runs…</source>
        <translation>실행 읽는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="143"/>
        <source>Could not read the runs: %1</source>
        <translation>실행을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="186"/>
        <location filename="../widgets/runs_table_view.cpp" line="237"/>
        <source>Any status</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="187"/>
        <location filename="../widgets/runs_table_view.cpp" line="238"/>
        <source>Any dataset</source>
        <translation>모든 데이터셋</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/runs_table_view.cpp" line="194"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>실행 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="195"/>
        <source>%1 of %2 runs shown</source>
        <translation>실행 %2개 중 %1개 표시</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/runs_table_view.cpp" line="196"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n개 선택</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="208"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="211"/>
        <source>Metrics</source>
        <translation>지표</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="231"/>
        <source>Filter runs: id, name, parameter value…</source>
        <translation>실행 필터: ID, 이름, 파라미터 값…</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="232"/>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="233"/>
        <source>Choose the parameters and metrics shown as columns</source>
        <translation>열로 표시할 파라미터와 지표를 고릅니다</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="234"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="235"/>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <location filename="../widgets/runs_table_view.cpp" line="236"/>
        <source>Compare the selected runs: curves, parameters and metrics</source>
        <translation>선택한 실행 비교: 곡선, 파라미터, 지표</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ScatterView</name>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="144"/>
        <location filename="../widgets/scatter_view.cpp" line="262"/>
        <source>(one colour)</source>
        <translation>(한 가지 색)</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="174"/>
        <source>A scatter plot needs numeric or date columns.</source>
        <translation>산점도에는 숫자 또는 날짜 열이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="203"/>
        <source>Could not sample the rows: %1</source>
        <translation>행을 표본 추출할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="205"/>
        <source>%1 of %2 rows shown (one row in every %3; rows with a missing value left out)</source>
        <translation>%2행 중 %1행 표시 (%3행마다 한 행, 결측값이 있는 행 제외)</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="209"/>
        <source>All %1 rows with both values shown</source>
        <translation>두 값이 모두 있는 %1행 모두 표시</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="218"/>
        <source>%1 against %2</source>
        <translation>%2 대비 %1</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="219"/>
        <source>%1 against %2, coloured by %3</source>
        <translation>%2 대비 %1, %3별 색상</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="220"/>
        <source>Scatter plot</source>
        <translation>산점도</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="243"/>
        <source>%1 = %2
%3 = %4</source>
        <translation>%1 = %2
%3 = %4</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="244"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="259"/>
        <source>X:</source>
        <translation>X:</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="260"/>
        <source>Y:</source>
        <translation>Y:</translation>
    </message>
    <message>
        <location filename="../widgets/scatter_view.cpp" line="261"/>
        <source>Colour:</source>
        <translation>색상:</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ServeView</name>
    <message>
        <location filename="../widgets/serve_view.cpp" line="133"/>
        <source>Comparing the logged traffic with the training data…</source>
        <translation>기록된 트래픽을 학습 데이터와 비교하는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="155"/>
        <source>Switched from %1 to %2.</source>
        <translation>%1에서 %2(으)로 전환했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="158"/>
        <source>Kept %1: the new version %2 failed to load (%3).</source>
        <translation>%1을(를) 유지합니다: 새 버전 %2을(를) 불러오지 못했습니다 (%3).</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="204"/>
        <source>stable</source>
        <translation>안정</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="205"/>
        <source>moderate</source>
        <translation>중간</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="206"/>
        <source>major</source>
        <translation>큼</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="216"/>
        <source>Requests/s</source>
        <translation>초당 요청</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="217"/>
        <source>Rows/s</source>
        <translation>초당 행</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="218"/>
        <source>Latency p50 (ms)</source>
        <translation>지연 p50 (ms)</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="219"/>
        <source>Latency p99 (ms)</source>
        <translation>지연 p99 (ms)</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="220"/>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="221"/>
        <location filename="../widgets/serve_view.cpp" line="266"/>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="221"/>
        <source>Errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="241"/>
        <source>Serving %1</source>
        <translation>%1 서비스 중</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="244"/>
        <source>Loading and verifying the model…</source>
        <translation>모델을 불러와 검증하는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="246"/>
        <source>Answering at %1.</source>
        <translation>%1에서 응답하는 중입니다.</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="248"/>
        <source>Stopped.</source>
        <translation>중지되었습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="250"/>
        <source>The server stopped: %1</source>
        <translation>서버가 중지되었습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="253"/>
        <source>Address:</source>
        <translation>주소:</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="256"/>
        <source>Token:</source>
        <translation>토큰:</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="257"/>
        <source>none (this computer only)</source>
        <translation>없음 (이 컴퓨터만)</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="258"/>
        <source>Try it:</source>
        <translation>사용 예:</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="260"/>
        <source>Copy curl Command</source>
        <translation>curl 명령 복사</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="262"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="264"/>
        <source>Last requests</source>
        <translation>최근 요청</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="266"/>
        <source>Time (UTC)</source>
        <translation>시각 (UTC)</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="266"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="266"/>
        <source>Latency (ms)</source>
        <translation>지연 (ms)</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="266"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="266"/>
        <source>Answer</source>
        <translation>응답</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="269"/>
        <source>Served traffic against the training data</source>
        <translation>학습 데이터와 비교한 서비스 트래픽</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="270"/>
        <source>Compare Traffic</source>
        <translation>트래픽 비교</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="271"/>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="271"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="271"/>
        <source>PSI</source>
        <translation>PSI</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="271"/>
        <source>KS</source>
        <translation>KS</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="271"/>
        <source>KS p-value</source>
        <translation>KS p-값</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="271"/>
        <source>Level</source>
        <translation>수준</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="279"/>
        <source>Every request is logged; Compare Traffic sets the live inputs against the training data and the live predictions against the test-set predictions.</source>
        <translation>모든 요청이 기록됩니다. 트래픽 비교는 실제 입력을 학습 데이터와, 실제 예측을 테스트 세트의 예측과 비교합니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/serve_view.cpp" line="286"/>
        <source>%n live row(s) against %1 (inputs) and %2 test rows (predictions); requests: %3.</source>
        <translation>
            <numerusform>실제 행 %n개를 %1(입력) 및 테스트 행 %2개(예측)와 비교했습니다. 요청: %3개.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="290"/>
        <source>Below about 100 rows the figures are noisy.</source>
        <translation>행이 약 100개 미만이면 수치의 변동이 큽니다.</translation>
    </message>
    <message>
        <location filename="../widgets/serve_view.cpp" line="313"/>
        <source>(predictions)</source>
        <translation>(예측)</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::TablePreviewModel</name>
    <message>
        <location filename="../widgets/table_preview_model.cpp" line="64"/>
        <source>(skipped)</source>
        <translation>(건너뜀)</translation>
    </message>
    <message>
        <location filename="../widgets/table_preview_model.cpp" line="65"/>
        <source>%1, ordered</source>
        <translation>%1, 순서 있음</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::TableQueryBar</name>
    <message>
        <location filename="../widgets/table_query_bar.cpp" line="193"/>
        <source>Choosing rows…</source>
        <translation>행을 고르는 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/table_query_bar.cpp" line="199"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln행</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/table_query_bar.cpp" line="200"/>
        <source>%1 of %Ln row(s)</source>
        <translation>
            <numerusform>%Ln행 중 %1행</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/table_query_bar.cpp" line="203"/>
        <source>sorted by %1, highest first</source>
        <translation>%1 기준 정렬, 큰 값부터</translation>
    </message>
    <message>
        <location filename="../widgets/table_query_bar.cpp" line="204"/>
        <source>sorted by %1, lowest first</source>
        <translation>%1 기준 정렬, 작은 값부터</translation>
    </message>
    <message>
        <location filename="../widgets/table_query_bar.cpp" line="243"/>
        <source>Filter:</source>
        <translation>필터:</translation>
    </message>
    <message>
        <location filename="../widgets/table_query_bar.cpp" line="244"/>
        <source>%1, or any text to search</source>
        <translation>%1, 또는 찾을 텍스트</translation>
    </message>
    <message>
        <location filename="../widgets/table_query_bar.cpp" line="245"/>
        <source>Conditions joined by &apos;and&apos;: = != &lt; &lt;= &gt; &gt;= contains, &apos;is missing&apos;, &apos;is not missing&apos;. Quote a value with &quot;…&quot; and a column name with spaces with `…`. Text without a column searches every cell.</source>
        <translation>조건은 &apos;and&apos;로 잇습니다: = != &lt; &lt;= &gt; &gt;= contains, &apos;is missing&apos;, &apos;is not missing&apos;(영어로 씁니다). 값은 &quot;…&quot;로, 공백이 있는 열 이름은 `…`로 감쌉니다. 열 이름 없는 텍스트는 모든 셀에서 찾습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/table_query_bar.cpp" line="248"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../widgets/table_query_bar.cpp" line="249"/>
        <source>Show every row in table order</source>
        <translation>모든 행을 표의 순서대로 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::ValidationView</name>
    <message>
        <location filename="../widgets/validation_view.cpp" line="66"/>
        <location filename="../widgets/validation_view.cpp" line="147"/>
        <source>(no target)</source>
        <translation>(목표 없음)</translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="78"/>
        <source>Validating…</source>
        <translation>검증 중…</translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="112"/>
        <source>Validation failed: %1</source>
        <translation>검증 실패: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/validation_view.cpp" line="116"/>
        <source>%1 rows, %2 columns: %Ln finding(s).</source>
        <translation>
            <numerusform>%1행, %2열: 발견 %Ln건.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/validation_view.cpp" line="120"/>
        <source>%Ln duplicate row(s) (row %1 repeats row %2).</source>
        <translation>
            <numerusform>중복 행 %Ln개 (행 %1이 행 %2와 같음).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="125"/>
        <source>No duplicate rows.</source>
        <translation>중복 행이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="134"/>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="135"/>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="136"/>
        <source>Info</source>
        <translation>정보</translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="137"/>
        <source>(table)</source>
        <translation>(표 전체)</translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="146"/>
        <source>Target for class balance:</source>
        <translation>클래스 균형을 볼 목표:</translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="148"/>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="148"/>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <location filename="../widgets/validation_view.cpp" line="148"/>
        <source>Finding</source>
        <translation>발견 사항</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="25"/>
        <source>Kiln Studio, a desktop ML workbench</source>
        <translation>Kiln Studio, 데스크톱 머신러닝 작업대</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="29"/>
        <source>Open the workspace in DIR.</source>
        <translation>DIR의 작업 공간을 엽니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="34"/>
        <source>Print how soon the first window painted, then quit.</source>
        <translation>첫 창이 그려지기까지 걸린 시간을 출력하고 종료합니다.</translation>
    </message>
</context>
</TS>
