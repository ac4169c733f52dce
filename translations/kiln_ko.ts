<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>kiln::studio::AboutDialog</name>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="27"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="93"/>
        <source>About Kiln</source>
        <translation>Kiln 정보</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="94"/>
        <source>Kiln Studio %1</source>
        <translation>Kiln Studio %1</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="96"/>
        <source>A native desktop workbench for machine learning: explore data, train, compare and export ONNX models.</source>
        <translation>머신러닝을 위한 네이티브 데스크톱 작업대: 데이터를 탐색하고, 학습하고, 비교하고, ONNX 모델로 내보냅니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="98"/>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="98"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="99"/>
        <source>&amp;Copy to Clipboard</source>
        <translation>클립보드에 복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="100"/>
        <source>Copy the version and environment, for a bug report</source>
        <translation>버그 보고용으로 버전과 환경 정보를 복사합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="101"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="124"/>
        <source>Reading the environment…</source>
        <translation>환경 정보를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="125"/>
        <source>Checking for CUDA…</source>
        <translation>CUDA 확인 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="129"/>
        <source>&lt;b&gt;CUDA is available.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;CUDA를 사용할 수 있습니다.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="130"/>
        <source>&lt;b&gt;CUDA is not available.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;CUDA를 사용할 수 없습니다.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="132"/>
        <source>Kiln</source>
        <translation>Kiln</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="133"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="134"/>
        <source>Build type</source>
        <translation>빌드 유형</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="135"/>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="136"/>
        <source>Operating system</source>
        <translation>운영체제</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="137"/>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="138"/>
        <source>Host name</source>
        <translation>호스트 이름</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="139"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="140"/>
        <source>Cores</source>
        <translation>코어</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="141"/>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="142"/>
        <source>Libraries</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="143"/>
        <source>Compiler</source>
        <translation>컴파일러</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="144"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="145"/>
        <source>LibTorch</source>
        <translation>LibTorch</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="146"/>
        <source>%1 (threads: %2)</source>
        <translation>%1 (스레드: %2)</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="147"/>
        <source>OpenCV</source>
        <translation>OpenCV</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="148"/>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="149"/>
        <source>BLAS</source>
        <translation>BLAS</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="150"/>
        <source>Acceleration</source>
        <translation>가속</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="151"/>
        <source>CUDA available</source>
        <translation>CUDA 사용 가능</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="151"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="151"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="152"/>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="153"/>
        <source>CUDA version</source>
        <translation>CUDA 버전</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="155"/>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="156"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="157"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../app/studio/about_dialog.cpp" line="157"/>
        <source>none found</source>
        <translation>찾을 수 없음</translation>
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
        <location filename="../app/studio/entry_page.cpp" line="52"/>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; · id &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p style=&apos;color:gray&apos;&gt;%4&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; · ID &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p style=&apos;color:gray&apos;&gt;%4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>kiln::studio::MainWindow</name>
    <message>
        <location filename="../app/studio/main_window.cpp" line="220"/>
        <source>Kiln Studio</source>
        <translation>Kiln Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="221"/>
        <source>%1 — Kiln Studio</source>
        <translation>%1 — Kiln Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="222"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="223"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="224"/>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="225"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="226"/>
        <source>Navigator</source>
        <translation>탐색기</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="227"/>
        <source>Jobs</source>
        <translation>작업</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="228"/>
        <source>Welcome</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="234"/>
        <source>&amp;New Workspace…</source>
        <translation>새 작업 공간(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="235"/>
        <source>Create a workspace in a folder you choose</source>
        <translation>선택한 폴더에 작업 공간을 만듭니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="236"/>
        <source>&amp;Open Workspace…</source>
        <translation>작업 공간 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="237"/>
        <source>Open an existing Kiln workspace</source>
        <translation>기존 Kiln 작업 공간을 엽니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="238"/>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="239"/>
        <source>Import CSV/TSV files or image folders into the workspace</source>
        <translation>CSV/TSV 파일이나 이미지 폴더를 작업 공간으로 가져옵니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="240"/>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="241"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="242"/>
        <source>&amp;Full Screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="243"/>
        <source>&amp;Verify Workspace Objects</source>
        <translation>작업 공간 객체 검증(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="244"/>
        <source>Re-hash every stored object and report any that are corrupt</source>
        <translation>저장된 모든 객체의 해시를 다시 계산하고 손상된 객체를 보고합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="245"/>
        <source>&amp;About Kiln</source>
        <translation>Kiln 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="246"/>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="256"/>
        <source>Detecting devices…</source>
        <translation>장치 확인 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="260"/>
        <source>CUDA · %1</source>
        <translation>CUDA · %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="261"/>
        <source>CPU · 1 core</source>
        <translation>CPU · 코어 1개</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="261"/>
        <source>CPU · %1 cores</source>
        <translation>CPU · 코어 %1개</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="266"/>
        <source>No jobs running</source>
        <translation>실행 중인 작업 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="267"/>
        <source>1 job running</source>
        <translation>작업 1개 실행 중</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="267"/>
        <source>%1 jobs running</source>
        <translation>작업 %1개 실행 중</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="271"/>
        <source>No workspace open</source>
        <translation>열린 작업 공간 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="272"/>
        <source>Workspace: %1</source>
        <translation>작업 공간: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="292"/>
        <source>Cannot Open Workspace</source>
        <translation>작업 공간을 열 수 없음</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="293"/>
        <source>The workspace at %1 could not be opened.</source>
        <translation>%1의 작업 공간을 열 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="318"/>
        <source>Could not read the catalog: %1</source>
        <translation>카탈로그를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="340"/>
        <source>All %1 objects match their hashes</source>
        <translation>객체 %1개 모두 해시가 일치합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="341"/>
        <source>%1 of %2 objects are corrupt</source>
        <translation>객체 %2개 중 %1개가 손상되었습니다</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="343"/>
        <source>Verify workspace objects</source>
        <translation>작업 공간 객체 검증</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="354"/>
        <source>1 item queued for import. Importing arrives with the data module.</source>
        <translation>항목 1개를 가져오기 대기열에 넣었습니다. 가져오기는 데이터 모듈과 함께 제공됩니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="355"/>
        <source>%1 items queued for import. Importing arrives with the data module.</source>
        <translation>항목 %1개를 가져오기 대기열에 넣었습니다. 가져오기는 데이터 모듈과 함께 제공됩니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="362"/>
        <source>Choose a Folder for the New Workspace</source>
        <translation>새 작업 공간 폴더 선택</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="368"/>
        <location filename="../app/studio/main_window.cpp" line="372"/>
        <source>Open Workspace</source>
        <translation>작업 공간 열기</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="373"/>
        <source>%1 holds no Kiln workspace. Create one there?</source>
        <translation>%1에 Kiln 작업 공간이 없습니다. 여기에 만드시겠습니까?</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="381"/>
        <source>Import Data</source>
        <translation>데이터 가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="381"/>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>표 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
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
    <name>kiln::studio::SettingsDialog</name>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="80"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="81"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="82"/>
        <source>Opened when Kiln Studio starts. Leave empty for the default.</source>
        <translation>Kiln Studio를 시작할 때 엽니다. 비워 두면 기본 위치를 사용합니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="83"/>
        <source>Workspace folder:</source>
        <translation>작업 공간 폴더:</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="84"/>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="85"/>
        <source>Default device:</source>
        <translation>기본 장치:</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="86"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="89"/>
        <source>Auto (CUDA when available)</source>
        <translation>자동 (가능하면 CUDA)</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="90"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="91"/>
        <source>CUDA (GPU)</source>
        <translation>CUDA (GPU)</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="106"/>
        <source>Checking for CUDA…</source>
        <translation>CUDA 확인 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="109"/>
        <source>CUDA is available: %1</source>
        <translation>CUDA를 사용할 수 있습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="110"/>
        <source>CUDA is not available: %1</source>
        <translation>CUDA를 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/settings_dialog.cpp" line="120"/>
        <source>Choose Workspace Folder</source>
        <translation>작업 공간 폴더 선택</translation>
    </message>
</context>
<context>
    <name>kiln::studio::WelcomePage</name>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="110"/>
        <source>No workspace is open.</source>
        <translation>열린 작업 공간이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="111"/>
        <source>Reading the catalog…</source>
        <translation>카탈로그를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="112"/>
        <source>Datasets: %1 (versions: %2) · Runs: %3 · Models: %4 · Remote hosts: %5</source>
        <translation>데이터셋: %1 (버전: %2) · 실행: %3 · 모델: %4 · 원격 호스트: %5</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="125"/>
        <source>… and %1 more</source>
        <translation>… 외 %1개</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="126"/>
        <source>Importing arrives with the data module. These files are kept until then:</source>
        <translation>가져오기는 데이터 모듈과 함께 제공됩니다. 그때까지 다음 파일을 보관합니다:</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="131"/>
        <source>Welcome to Kiln Studio</source>
        <translation>Kiln Studio에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="133"/>
        <source>Explore datasets, train models on this machine or a remote one, compare runs and export verified ONNX models.</source>
        <translation>데이터셋을 탐색하고, 이 컴퓨터나 원격 컴퓨터에서 모델을 학습하고, 실행을 비교하고, 검증된 ONNX 모델로 내보내세요.</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="135"/>
        <source>Bring in data</source>
        <translation>데이터 가져오기</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="137"/>
        <source>Drag CSV or TSV files, or a folder of images with one sub-folder per class, anywhere onto this window. Or choose &lt;b&gt;File ▸ Import…&lt;/b&gt;. Several files at once are fine.</source>
        <translation>CSV 또는 TSV 파일, 또는 클래스마다 하위 폴더가 하나씩 있는 이미지 폴더를 이 창 아무 곳에나 끌어다 놓으세요. &lt;b&gt;파일 ▸ 가져오기…&lt;/b&gt;를 선택해도 됩니다. 여러 파일을 한 번에 가져올 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="139"/>
        <source>Workspace</source>
        <translation>작업 공간</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="140"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="142"/>
        <source>Waiting for import (%1)</source>
        <translation>가져오기 대기 중 (%1)</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="145"/>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <location filename="../app/studio/welcome_page.cpp" line="146"/>
        <source>Open Workspace…</source>
        <translation>작업 공간 열기…</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::JobManager</name>
    <message>
        <location filename="../widgets/job_manager.cpp" line="67"/>
        <source>Unexpected error: %1</source>
        <translation>예기치 않은 오류: %1</translation>
    </message>
    <message>
        <location filename="../widgets/job_manager.cpp" line="70"/>
        <source>Unexpected error of unknown type</source>
        <translation>알 수 없는 유형의 예기치 않은 오류</translation>
    </message>
    <message>
        <location filename="../widgets/job_manager.cpp" line="124"/>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../widgets/job_manager.cpp" line="126"/>
        <source>Completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../widgets/job_manager.cpp" line="128"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../widgets/job_manager.cpp" line="130"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::JobsModel</name>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="14"/>
        <source>Checking columns</source>
        <translation>열 확인 중</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="15"/>
        <source>Compared</source>
        <translation>비교 완료</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="16"/>
        <source>Correlations</source>
        <translation>상관관계 계산</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="17"/>
        <source>Looking for duplicate rows</source>
        <translation>중복 행 찾는 중</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="18"/>
        <source>Parsing</source>
        <translation>구문 분석 중</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="19"/>
        <source>Profiled</source>
        <translation>프로파일 완료</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="20"/>
        <source>Reading images</source>
        <translation>이미지 읽는 중</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="21"/>
        <source>Validated</source>
        <translation>검증 완료</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="22"/>
        <source>Verifying objects</source>
        <translation>객체 검증 중</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="95"/>
        <source>Issues: %1</source>
        <translation>문제: %1</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="103"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="108"/>
        <source>%1% (%2 of %3)</source>
        <translation>%1% (%3 중 %2)</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="118"/>
        <source>Job</source>
        <translation>작업</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="120"/>
        <source>Stage</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="122"/>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="124"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_model.cpp" line="126"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::JobsView</name>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="104"/>
        <source>Cancel Job</source>
        <translation>작업 취소</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="105"/>
        <source>Stop the selected job at its next checkpoint</source>
        <translation>선택한 작업을 다음 확인 지점에서 멈춥니다</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="106"/>
        <source>Clear Finished</source>
        <translation>끝난 작업 지우기</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="107"/>
        <source>Issues reported by jobs</source>
        <translation>작업이 보고한 문제</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="108"/>
        <source>Issue</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="108"/>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../widgets/jobs_view.cpp" line="108"/>
        <source>Job</source>
        <translation>작업</translation>
    </message>
</context>
<context>
    <name>kiln::widgets::NavigatorView</name>
    <message>
        <location filename="../widgets/catalog_snapshot.cpp" line="29"/>
        <source>%1 · versions: %2</source>
        <translation>%1 · 버전: %2</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="88"/>
        <source>Datasets (%1)</source>
        <translation>데이터셋 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="89"/>
        <source>Runs (%1)</source>
        <translation>실행 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="90"/>
        <source>Models (%1)</source>
        <translation>모델 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="109"/>
        <source>Could not read the catalog: %1</source>
        <translation>카탈로그를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="111"/>
        <source>No datasets yet.
Drop a CSV file or an image folder here.</source>
        <translation>아직 데이터셋이 없습니다.
CSV나 이미지 폴더를 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="113"/>
        <source>No runs yet.
Train a model on a dataset.</source>
        <translation>아직 실행이 없습니다.
데이터셋으로 모델을 학습하세요.</translation>
    </message>
    <message>
        <location filename="../widgets/navigator_view.cpp" line="115"/>
        <source>No models yet.
Register a trained run.</source>
        <translation>아직 모델이 없습니다.
학습된 실행을 등록하세요.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="24"/>
        <source>Kiln Studio, a desktop ML workbench</source>
        <translation>Kiln Studio, 데스크톱 머신러닝 작업대</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="28"/>
        <source>Open the workspace in DIR.</source>
        <translation>DIR의 작업 공간을 엽니다.</translation>
    </message>
</context>
</TS>
