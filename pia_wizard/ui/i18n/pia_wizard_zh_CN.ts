<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjustmentRow</name>
    <message>
        <location filename="../risk_view.py" line="264"/>
        <source>Reason for the adjustment: %1</source>
        <translation>修正理由：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="265"/>
        <source>Why this adjustment applies (required)</source>
        <translation>为何适用此修正（必填）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="266"/>
        <source>Reason required</source>
        <translation>须填写理由</translation>
    </message>
</context>
<context>
    <name>AssessmentListModel</name>
    <message>
        <location filename="../models.py" line="29"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../models.py" line="30"/>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../models.py" line="31"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../models.py" line="32"/>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <location filename="../models.py" line="33"/>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../models.py" line="40"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../models.py" line="41"/>
        <source>Processor</source>
        <translation>处理者</translation>
    </message>
    <message>
        <location filename="../models.py" line="42"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../models.py" line="43"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models.py" line="44"/>
        <source>Overall risk (current)</source>
        <translation>整体风险（当前）</translation>
    </message>
    <message>
        <location filename="../models.py" line="45"/>
        <source>Prohibited / gaps / advisories</source>
        <translation>禁止 / 不合规 / 建议</translation>
    </message>
    <message>
        <location filename="../models.py" line="46"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../models.py" line="47"/>
        <source>Re-assessment due</source>
        <translation>下次复评</translation>
    </message>
</context>
<context>
    <name>CellRow</name>
    <message>
        <location filename="../risk_view.py" line="171"/>
        <source>Level: %1</source>
        <translation>等级：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="172"/>
        <source>Reason for the level: %1</source>
        <translation>等级理由：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="173"/>
        <source>Why this level (required for the report)</source>
        <translation>评定为此等级的理由（报告必需）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="186"/>
        <source>Not rated</source>
        <translation>未评</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="193"/>
        <source>Unknown level: %1</source>
        <translation>未知等级：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="198"/>
        <source>Not rated yet: choose a level.</source>
        <translation>尚未评定：请选择等级。</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="200"/>
        <source>This level is not one of the method&apos;s levels: choose another.</source>
        <translation>该等级不属于本评估方法的等级，请重新选择。</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../editors.py" line="869"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../editors.py" line="870"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../editors.py" line="871"/>
        <location filename="../editors.py" line="872"/>
        <source>Clear the date</source>
        <translation>清除日期</translation>
    </message>
</context>
<context>
    <name>FilingClock</name>
    <message>
        <location filename="../filing_view.py" line="114"/>
        <source>Filing clock (FRT Measures Art. 15)</source>
        <translation>备案期限（《人脸识别技术应用安全管理办法》第十五条）</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="115"/>
        <source>Stored (de-duplicated)</source>
        <translation>存储数量（去重）</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="116"/>
        <source>100,000 first reached on</source>
        <translation>首次达到10万人</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="117"/>
        <source>Deadline (30 PRC working days)</source>
        <translation>期限（30个工作日）</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="118"/>
        <source>Filed on</source>
        <translation>备案日期</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="122"/>
        <source>Filing state</source>
        <translation>备案状态</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="138"/>
        <source>Not applicable: the Measures do not apply (Art. 2).</source>
        <translation>不适用：本办法不适用（第二条）。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="144"/>
        <source>Not known yet: answer how many people&apos;s facial information is stored (filing section).</source>
        <translation>尚不确定：请回答存储了多少人的人脸信息（备案部分）。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="151"/>
        <source>Not applicable: %1 people stored, below the 100,000 filing threshold.</source>
        <translation>不适用：存储%1人，未达到10万人的备案门槛。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="173"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="178"/>
        <source>(transition rule for counts reached before 1 June 2025)</source>
        <translation>（2025年6月1日前已达到的过渡规定）</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="180"/>
        <location filename="../filing_view.py" line="248"/>
        <source>(estimate)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="184"/>
        <source>cannot be computed</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="189"/>
        <source>date not recorded</source>
        <translation>未记录日期</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="193"/>
        <source>not filed yet</source>
        <translation>尚未备案</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="196"/>
        <source>Threshold reached, but the day it was reached is not recorded: the deadline cannot be computed.</source>
        <translation>已达到门槛，但未记录首次达到的日期，无法计算期限。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="199"/>
        <source>The day the threshold was reached is in the future: check it.</source>
        <translation>首次达到门槛的日期晚于今天，请核对。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="201"/>
        <source>Filed, but without the filing date: timeliness cannot be shown.</source>
        <translation>已备案但未填写备案日期，无法确认是否按期。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="208"/>
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="219"/>
        <source>Filed on time (on %1, deadline %2).</source>
        <translation>已按期备案（%1办理，期限%2）。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="223"/>
        <source>Filed late: 1 calendar day after the deadline of %2.</source>
        <translation>逾期备案：晚于期限%2共1个自然日。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="224"/>
        <source>Filed late: %1 calendar days after the deadline of %2.</source>
        <translation>逾期备案：晚于期限%2共%1个自然日。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="227"/>
        <source>Overdue by 1 calendar day: the deadline was %2.</source>
        <translation>已逾期1个自然日：期限为%2。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="228"/>
        <source>Overdue by %1 calendar days: the deadline was %2.</source>
        <translation>已逾期%1个自然日：期限为%2。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="231"/>
        <source>Due soon: 1 working day left, by %2.</source>
        <translation>即将到期：还剩1个工作日，须在%2前办理。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="232"/>
        <source>Due soon: %1 working days left, by %2.</source>
        <translation>即将到期：还剩%1个工作日，须在%2前办理。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="235"/>
        <source>Due in 1 working day, by %2.</source>
        <translation>还剩1个工作日，须在%2前办理。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="236"/>
        <source>Due in %1 working days, by %2.</source>
        <translation>还剩%1个工作日，须在%2前办理。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="241"/>
        <source>Change filing</source>
        <translation>备案变更</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="242"/>
        <source>Cancellation of the filing</source>
        <translation>注销备案</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="246"/>
        <source>no clock.</source>
        <translation>无期限。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="251"/>
        <source>Done on time (on %1, deadline %2).</source>
        <translation>已按期办理（%1办理，期限%2）。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="256"/>
        <source>Done late: 1 calendar day after the deadline of %2.</source>
        <translation>逾期办理：晚于期限%2共1个自然日。</translation>
    </message>
    <message>
        <location filename="../filing_view.py" line="257"/>
        <source>Done late: %1 calendar days after the deadline of %2.</source>
        <translation>逾期办理：晚于期限%2共%1个自然日。</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../findings_panel.py" line="116"/>
        <source>Findings, grouped into issues</source>
        <translation>评估发现（按问题归并）</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="117"/>
        <source>Number of findings by verdict</source>
        <translation>各结论类别的发现数量</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="118"/>
        <source>Nothing to act on in the answers so far.</source>
        <translation>根据目前的回答，暂无需要处理的事项。</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="135"/>
        <source>The FRT Measures do not apply: </source>
        <translation>《人脸识别技术应用安全管理办法》不适用：</translation>
    </message>
    <message numerus="yes">
        <location filename="../findings_panel.py" line="142"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeatMapView</name>
    <message>
        <location filename="../risk_view.py" line="1019"/>
        <source>Heat map: inherent → current risk</source>
        <translation>风险热力图：固有风险 → 当前剩余风险</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="1020"/>
        <source>Risk heat map</source>
        <translation>风险热力图</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="1021"/>
        <source>Numbers are the risks in the list. Dashed circle: inherent risk (before measures); filled circle: current risk (measures in place); ringed: unchanged. Each cell names its risk level.</source>
        <translation>编号对应列表中的风险。虚线圆圈：固有风险（采取措施前）；实心圆：当前剩余风险（已落实措施）；带外圈：未变化。每个格子标有其风险等级。</translation>
    </message>
</context>
<context>
    <name>HomeWindow</name>
    <message>
        <location filename="../home.py" line="146"/>
        <source>pia-wizard: personal information protection impact assessments</source>
        <translation>pia-wizard：个人信息保护影响评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="147"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../home.py" line="148"/>
        <source>New blank assessment (Ctrl+N)</source>
        <translation>新建空白评估（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../home.py" line="149"/>
        <source>New from e&amp;xample</source>
        <translation>从示例新建(&amp;X)</translation>
    </message>
    <message>
        <location filename="../home.py" line="150"/>
        <source>Hotel self check-in kiosk</source>
        <translation>酒店自助入住核验</translation>
    </message>
    <message>
        <location filename="../home.py" line="151"/>
        <source>Residential community gate</source>
        <translation>住宅小区人脸门禁</translation>
    </message>
    <message>
        <location filename="../home.py" line="152"/>
        <source>School canteen payment</source>
        <translation>学校食堂刷脸消费</translation>
    </message>
    <message>
        <location filename="../home.py" line="153"/>
        <source>Factory attendance</source>
        <translation>工厂人脸考勤</translation>
    </message>
    <message>
        <location filename="../home.py" line="156"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../home.py" line="157"/>
        <source>New &amp;version…</source>
        <translation>新版本(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="158"/>
        <source>&amp;Import JSON…</source>
        <translation>导入 JSON(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="159"/>
        <source>Import &amp;report PDF…</source>
        <translation>从报告 PDF 导入(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="160"/>
        <source>&amp;Export JSON…</source>
        <translation>导出 JSON(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="161"/>
        <source>&amp;Delete draft</source>
        <translation>删除草稿(&amp;D)</translation>
    </message>
    <message>
        <location filename="../home.py" line="162"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="164"/>
        <source>Switch the language (Ctrl+L)</source>
        <translation>切换语言（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../home.py" line="165"/>
        <source>Filter by system, processor, state… (Ctrl+F)</source>
        <translation>按系统、处理者、状态等筛选…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../home.py" line="166"/>
        <source>Filter assessments</source>
        <translation>筛选评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="167"/>
        <source>Assessments in the archive</source>
        <translation>档案库中的评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="168"/>
        <source>No assessment yet. Start a new one, start from an example, or import a file.</source>
        <translation>尚无评估。请新建评估、从示例新建，或导入文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../home.py" line="182"/>
        <source>%n assessment(s) · data folder: %1</source>
        <translation>
            <numerusform>共 %n 项评估 · 数据文件夹：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../home.py" line="200"/>
        <source>Cannot read the archive</source>
        <translation>无法读取档案库</translation>
    </message>
    <message>
        <location filename="../home.py" line="242"/>
        <location filename="../home.py" line="252"/>
        <source>Cannot create the assessment</source>
        <translation>无法创建评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="278"/>
        <source>Import an assessment file</source>
        <translation>导入评估文件</translation>
    </message>
    <message>
        <location filename="../home.py" line="279"/>
        <source>Assessment files (*.json);;All files (*)</source>
        <translation>评估文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../home.py" line="285"/>
        <source>Cannot import the file</source>
        <translation>无法导入该文件</translation>
    </message>
    <message>
        <location filename="../home.py" line="288"/>
        <source>Import the assessment inside a report</source>
        <translation>导入报告中附带的评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="289"/>
        <source>Report PDF (*.pdf);;All files (*)</source>
        <translation>报告 PDF (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../home.py" line="302"/>
        <source>Cannot import the report</source>
        <translation>无法导入该报告</translation>
    </message>
    <message>
        <location filename="../home.py" line="308"/>
        <source>Export the assessment</source>
        <translation>导出评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="310"/>
        <source>Assessment files (*.json)</source>
        <translation>评估文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../home.py" line="319"/>
        <source>Exported to %1</source>
        <translation>已导出至 %1</translation>
    </message>
    <message>
        <location filename="../home.py" line="320"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../home.py" line="330"/>
        <source>Cannot start a new version</source>
        <translation>无法创建新版本</translation>
    </message>
    <message>
        <location filename="../home.py" line="338"/>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <location filename="../home.py" line="339"/>
        <source>Only a draft can be deleted. Submitted and approved versions are records the law requires you to keep for at least three years (Measures Art. 9, PIPL Art. 56).</source>
        <translation>只能删除草稿。已提交审核和已批准的版本属于法定记录，须至少保存三年（《人脸识别技术应用安全管理办法》第九条、《个人信息保护法》第五十六条）。</translation>
    </message>
    <message>
        <location filename="../home.py" line="342"/>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../home.py" line="343"/>
        <source>Delete the draft “%1”? Its answers cannot be recovered.</source>
        <translation>确定删除草稿“%1”吗？删除后其中的回答将无法恢复。</translation>
    </message>
    <message>
        <location filename="../home.py" line="349"/>
        <source>Cannot delete the draft</source>
        <translation>无法删除草稿</translation>
    </message>
</context>
<context>
    <name>IssueCard</name>
    <message>
        <location filename="../findings_panel.py" line="57"/>
        <source>Remedy: </source>
        <translation>整改：</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="59"/>
        <source>Legal basis: </source>
        <translation>依据：</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="59"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <location filename="../findings_panel.py" line="81"/>
        <source>Show the %n finding(s)</source>
        <translation>
            <numerusform>显示 %n 项发现</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="82"/>
        <source>Go to the question</source>
        <translation>转到相关问题</translation>
    </message>
    <message>
        <location filename="../findings_panel.py" line="83"/>
        <source>Go to the question of: %1</source>
        <translation>转到相关问题：%1</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <location filename="../dialogs.py" line="63"/>
        <source>New assessment</source>
        <translation>新建评估</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="64"/>
        <source>Personal information &amp;processor:</source>
        <translation>个人信息处理者(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="65"/>
        <source>&amp;System assessed:</source>
        <translation>被评估系统(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="65"/>
        <source>&amp;Title (optional):</source>
        <translation>标题（可选）(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="66"/>
        <source>&amp;Assessor:</source>
        <translation>评估人(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="68"/>
        <source>Personal information processor</source>
        <translation>个人信息处理者</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="69"/>
        <source>System assessed</source>
        <translation>被评估系统</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="70"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="71"/>
        <source>Assessor</source>
        <translation>评估人</translation>
    </message>
</context>
<context>
    <name>NewVersionDialog</name>
    <message>
        <location filename="../dialogs.py" line="97"/>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="98"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="99"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="100"/>
        <source>Reason for the new version</source>
        <translation>创建新版本的原因</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="101"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../editors.py" line="725"/>
        <source>Enter a whole number from {low} to {high}.</source>
        <translation>请输入 {low} 至 {high} 之间的整数。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="727"/>
        <source>Enter a whole number of at least {low}.</source>
        <translation>请输入不小于 {low} 的整数。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="729"/>
        <source>Enter a whole number of at most {high}.</source>
        <translation>请输入不大于 {high} 的整数。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="730"/>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="732"/>
        <source>Enter a number from {low} to {high}.</source>
        <translation>请输入 {low} 至 {high} 之间的数值。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="734"/>
        <source>Enter a number of at least {low}.</source>
        <translation>请输入不小于 {low} 的数值。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="736"/>
        <source>Enter a number of at most {high}.</source>
        <translation>请输入不大于 {high} 的数值。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="737"/>
        <source>Enter a number.</source>
        <translation>请输入数值。</translation>
    </message>
</context>
<context>
    <name>ProposalBox</name>
    <message>
        <location filename="../risk_view.py" line="555"/>
        <source>Applied to every risk</source>
        <translation>已应用于全部风险</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="556"/>
        <source>Applied to this risk</source>
        <translation>已应用于本项风险</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="556"/>
        <source>Not applied yet</source>
        <translation>尚未应用</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="562"/>
        <source>Proposed from your answers: %1</source>
        <translation>根据您的回答建议：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="564"/>
        <source>Reason for the proposed adjustment</source>
        <translation>建议修正的理由</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="565"/>
        <source>Apply the proposed adjustment to all risks</source>
        <translation>将建议的修正应用于全部风险</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="567"/>
        <source>Apply to this risk only</source>
        <translation>仅应用于本项风险</translation>
    </message>
</context>
<context>
    <name>QuestionBlock</name>
    <message>
        <location filename="../workspace.py" line="106"/>
        <source>Legal basis: </source>
        <translation>依据：</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="106"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="108"/>
        <source>Help and legal basis</source>
        <translation>说明与依据</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="109"/>
        <source>Help for: %1</source>
        <translation>查看说明：%1</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="111"/>
        <source>Required</source>
        <translation>必答</translation>
    </message>
</context>
<context>
    <name>RiskEditor</name>
    <message>
        <location filename="../risk_view.py" line="721"/>
        <source>The seven risks, with their current level</source>
        <translation>七类风险及其当前等级</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="723"/>
        <source>%1 (the measures that make the current and target levels)</source>
        <translation>%1（决定当前和目标等级的措施）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="727"/>
        <source>Stages of the risk</source>
        <translation>风险评定阶段</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="788"/>
        <source>same as current (%1)</source>
        <translation>同当前（%1）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="796"/>
        <source>An adjustment still needs its reason.</source>
        <translation>有修正尚未填写理由。</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="800"/>
        <source>Inherent</source>
        <translation>固有</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="800"/>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="800"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="804"/>
        <source>cannot be scored</source>
        <translation>无法评分</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="815"/>
        <source>Current: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="816"/>
        <source>%1 — current risk level: %2</source>
        <translation>%1——当前风险等级：%2</translation>
    </message>
</context>
<context>
    <name>RowsDelegate</name>
    <message>
        <location filename="../editors.py" line="1197"/>
        <source>No answer</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1213"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <location filename="../editors.py" line="1441"/>
        <source>Rows: {count}</source>
        <translation>行数：{count}</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1443"/>
        <source>at least {minimum} needed</source>
        <translation>至少需要 {minimum} 行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1446"/>
        <source>rows with empty required cells (marked !): {count}</source>
        <translation>必填单元格为空的行（标有 !）：{count}</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1448"/>
        <source>* required</source>
        <translation>* 必填</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1458"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1458"/>
        <source>Add a row at the end of the table</source>
        <translation>在表格末尾添加一行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1459"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1459"/>
        <source>Remove the current row</source>
        <translation>删除当前行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1460"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1460"/>
        <source>Move the current row up</source>
        <translation>将当前行上移</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1461"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1461"/>
        <source>Move the current row down</source>
        <translation>将当前行下移</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1467"/>
        <source>Arrow keys move between cells; Enter or F2 edits a cell, Delete empties it; Tab leaves the table</source>
        <translation>方向键在单元格之间移动；Enter 或 F2 编辑单元格，Delete 清空单元格；Tab 离开表格</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../editors.py" line="1023"/>
        <location filename="../editors.py" line="1064"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1028"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1037"/>
        <source>Row {number}</source>
        <translation>第 {number} 行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1039"/>
        <source>Row {number}: required cells are empty: {names}</source>
        <translation>第 {number} 行：以下必填单元格为空：{names}</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1059"/>
        <source>empty, required</source>
        <translation>空，必填</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="40"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="41"/>
        <source>&amp;Language of the app:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="41"/>
        <source>Default &amp;report language:</source>
        <translation>默认报告语言(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="42"/>
        <source>&amp;Assessor&apos;s name:</source>
        <translation>评估人姓名(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="42"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="45"/>
        <source>Language of the app</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="46"/>
        <source>Default report language</source>
        <translation>默认报告语言</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="47"/>
        <source>Assessor&apos;s name</source>
        <translation>评估人姓名</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="48"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="49"/>
        <source>Set PIA_WIZARD_DATA_DIR to use another folder</source>
        <translation>如需使用其他文件夹，请设置环境变量 PIA_WIZARD_DATA_DIR</translation>
    </message>
</context>
<context>
    <name>SingleComboEditor</name>
    <message>
        <location filename="../editors.py" line="562"/>
        <location filename="../editors.py" line="603"/>
        <source>No answer</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../editors.py" line="604"/>
        <source>Choose one answer; the first entry (—) means no answer</source>
        <translation>请选择一项；第一项（—）表示不作答</translation>
    </message>
</context>
<context>
    <name>SingleRadioEditor</name>
    <message>
        <location filename="../editors.py" line="533"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../editors.py" line="534"/>
        <source>Clear the answer (Delete)</source>
        <translation>清除回答（Delete）</translation>
    </message>
    <message>
        <location filename="../editors.py" line="535"/>
        <source>Clear the answer</source>
        <translation>清除回答</translation>
    </message>
</context>
<context>
    <name>StagePanel</name>
    <message>
        <location filename="../risk_view.py" line="431"/>
        <source>Computed result</source>
        <translation>计算结果</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="438"/>
        <source>Cannot be scored: %1</source>
        <translation>无法评分：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="440"/>
        <source>Not rated yet.</source>
        <translation>尚未评定。</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="442"/>
        <location filename="../risk_view.py" line="447"/>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="444"/>
        <location filename="../risk_view.py" line="449"/>
        <source>(before adjustments: %1)</source>
        <translation>（修正前：%1）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="458"/>
        <source>Same as the current risk.</source>
        <translation>同当前剩余风险。</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="460"/>
        <source>Still missing: %1</source>
        <translation>尚缺：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="465"/>
        <source>Impact on individual rights</source>
        <translation>个人权益影响程度</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="466"/>
        <source>Likelihood of a security incident</source>
        <translation>安全事件发生可能性</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="470"/>
        <source>Adjustments (each needs a written reason)</source>
        <translation>修正（每项须写明理由）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="472"/>
        <source>Same as the current risk (no planned measure changes this risk)</source>
        <translation>同当前剩余风险（没有计划措施改变此风险）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="473"/>
        <source>Target risk is the same as the current risk</source>
        <translation>目标风险与当前剩余风险相同</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <location filename="../editors.py" line="938"/>
        <source>{count} / {minimum} characters</source>
        <translation>{count} / {minimum} 字</translation>
    </message>
    <message>
        <location filename="../editors.py" line="940"/>
        <source>(fewer than suggested)</source>
        <translation>（少于建议字数）</translation>
    </message>
    <message>
        <location filename="../editors.py" line="942"/>
        <source>{count} characters</source>
        <translation>{count} 字</translation>
    </message>
    <message>
        <location filename="../editors.py" line="951"/>
        <source>A substantive answer has at least {minimum} characters</source>
        <translation>实质性回答应不少于 {minimum} 字</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <location filename="../workspace.py" line="218"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="228"/>
        <source>Cannot open the assessment</source>
        <translation>无法打开评估</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="238"/>
        <source>%1 unsaved answer(s) recovered from the last session</source>
        <translation>已恢复上次会话中未保存的 %1 条回答</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="268"/>
        <source>Risk grid (GB/T 39335)</source>
        <translation>风险评定（GB/T 39335）</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="398"/>
        <source>Risk grid: rate each of the seven risks before measures (inherent), with the measures in place (current) and after the action plan (target).</source>
        <translation>风险评定：对七类风险分别评定采取措施前的等级（固有风险）、现有措施下的等级（当前剩余风险）和整改计划完成后的等级（目标风险）。</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="474"/>
        <source>All answers kept</source>
        <translation>所有回答均已保存</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="478"/>
        <source>An answer could not be kept</source>
        <translation>有回答未能保存</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="526"/>
        <source>Cannot evaluate yet: %1</source>
        <translation>暂时无法评估：%1</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="340"/>
        <location filename="../workspace.py" line="546"/>
        <source>Required: answer this question.</source>
        <translation>必答：请回答此问题。</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="569"/>
        <source>Cannot save to the archive</source>
        <translation>无法保存到档案库</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="572"/>
        <source>Saved to the archive</source>
        <translation>已保存到档案库</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="639"/>
        <source>No question matches “%1”</source>
        <translation>没有与“%1”匹配的问题</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="643"/>
        <source>Assessment: %1</source>
        <translation>评估：%1</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="644"/>
        <source>← Back</source>
        <translation>← 上一部分</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="645"/>
        <source>Next →</source>
        <translation>下一部分 →</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="646"/>
        <source>Previous section (Ctrl+PgUp)</source>
        <translation>上一部分（Ctrl+PgUp）</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="647"/>
        <source>Next section (Ctrl+PgDown)</source>
        <translation>下一部分（Ctrl+PgDown）</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="648"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="649"/>
        <source>Save to the archive (Ctrl+S); answers are kept as you give them</source>
        <translation>保存到档案库（Ctrl+S）；回答在填写时即已自动保留</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="650"/>
        <source>Find a question (Ctrl+F)</source>
        <translation>查找问题（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="651"/>
        <source>Find a question</source>
        <translation>查找问题</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="652"/>
        <source>Sections</source>
        <translation>评估部分</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../editors.py" line="520"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../editors.py" line="521"/>
        <source>Clear the answer (Delete)</source>
        <translation>清除回答（Delete）</translation>
    </message>
    <message>
        <location filename="../editors.py" line="522"/>
        <source>Clear the answer</source>
        <translation>清除回答</translation>
    </message>
</context>
</TS>
