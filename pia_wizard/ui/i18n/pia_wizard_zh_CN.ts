<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../filing_tracker.py" line="89"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>AdjustmentRow</name>
    <message>
        <location filename="../risk_view.py" line="265"/>
        <source>Reason for the adjustment: %1</source>
        <translation>修正理由：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="266"/>
        <source>Why this adjustment applies (required)</source>
        <translation>为何适用此修正（必填）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="267"/>
        <source>Reason required</source>
        <translation>须填写理由</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <location filename="../approve_dialog.py" line="313"/>
        <source>Approve the assessment</source>
        <translation>审批评估</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="315"/>
        <source>Approval by the PI protection officer: %1</source>
        <translation>个人信息保护负责人审批：%1</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="316"/>
        <source>Assessment being approved</source>
        <translation>待审批的评估</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="318"/>
        <source>What the assessment concludes</source>
        <translation>评估结论</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="321"/>
        <source>The assessors&apos; decision: %1</source>
        <translation>评估组的结论：%1</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="322"/>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="323"/>
        <source>The assessors&apos; reasons</source>
        <translation>评估组的理由</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="324"/>
        <source>Start from the assessment&apos;s conclusion</source>
        <translation>以评估结论为起点</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="326"/>
        <source>Selects the assessors&apos; decision and copies their reasons and conditions into empty fields; edit them into your own view</source>
        <translation>选中评估组的结论，并把其理由和条件填入尚空着的栏目；请再修改为您本人的意见</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="330"/>
        <source>Prohibited practices found</source>
        <translation>发现法律禁止的做法</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="332"/>
        <source>The assessment finds a practice that the law prohibits outright. A decision that lets the processing go ahead (proceed, proceed with conditions, continue while remediating) can stand only if you state, for each practice, when and how it stopped. A prohibited practice cannot continue under conditions.</source>
        <translation>评估认定存在法律绝对禁止的做法。只有逐项写明该做法已于何时、以何种方式停止，才能作出让处理继续的审批意见（同意实施、有条件同意实施、限期整改期间继续运行）。被禁止的做法不能附条件继续。</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="338"/>
        <source>Not a prohibited finding of this assessment</source>
        <translation>不是本评估的禁止类发现</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="343"/>
        <source>What was found: %1</source>
        <translation>发现的问题：%1</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="345"/>
        <source>When and how this practice stopped: %1</source>
        <translation>该做法何时、以何种方式停止：%1</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="347"/>
        <source>When and how did this practice stop? e.g. the date, what was withdrawn, who checked it</source>
        <translation>该做法何时、以何种方式停止？例如日期、撤回了什么、由谁核实</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="349"/>
        <source>Attestations</source>
        <translation>声明</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="354"/>
        <source>Decision</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="358"/>
        <source> (for a system already live)</source>
        <translation>（适用于已上线运行的系统）</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="360"/>
        <source>Decision: %1</source>
        <translation>审批意见：%1</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="361"/>
        <source>&amp;Reasons: your own view of the assessment and why you decide so</source>
        <translation>理由(&amp;R)：您本人对评估的意见，以及作出该审批意见的原因</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="362"/>
        <source>Reasons for the decision</source>
        <translation>审批意见的理由</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="363"/>
        <source>At least %1 characters, spaces not counted</source>
        <translation>至少 %1 个字，空格不计</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="365"/>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="368"/>
        <source>Views of the people concerned</source>
        <translation>相关人员的意见</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="369"/>
        <source>Were their views sought? %1</source>
        <translation>是否征求了他们的意见？%1</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="372"/>
        <source>Whose: %1</source>
        <translation>征求对象：%1</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="372"/>
        <location filename="../approve_dialog.py" line="374"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="374"/>
        <source>How: %1</source>
        <translation>方式：%1</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="377"/>
        <source>What they said and how the assessment responded</source>
        <translation>他们的意见以及评估的回应</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="378"/>
        <source>Why their views were not sought</source>
        <translation>未征求意见的原因</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="380"/>
        <source>These are the assessment&apos;s answers in “The assessment and its conclusion”; the approval repeats them. To change them, edit those answers in the assessment.</source>
        <translation>以上是评估中“评估组织与结论”部分的回答，审批页照录。如需修改，请在评估中修改这些回答。</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="382"/>
        <source>Go to these answers</source>
        <translation>转到这些回答</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="384"/>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="385"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="385"/>
        <source>Approver&apos;s name</source>
        <translation>审批人姓名</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="386"/>
        <source>R&amp;ole:</source>
        <translation>职务(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="386"/>
        <source>Approver&apos;s role</source>
        <translation>审批人职务</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="387"/>
        <source>Or&amp;ganisation:</source>
        <translation>单位(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="387"/>
        <source>Approver&apos;s organisation</source>
        <translation>审批人单位</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="390"/>
        <source>&amp;Date of approval:</source>
        <translation>审批日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="391"/>
        <source>Date of approval</source>
        <translation>审批日期</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="396"/>
        <source>Record the approval</source>
        <translation>记录审批</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="397"/>
        <source>Show the first</source>
        <translation>显示第一项</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="398"/>
        <source>Scroll to the first thing still to complete</source>
        <translation>滚动到第一项须补全的内容</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="399"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="453"/>
        <source>&amp;What must be remediated, by whom and by when, and the controls until then:</source>
        <translation>须整改的事项、责任人和整改期限，以及整改期间的控制措施(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="455"/>
        <source>&amp;Conditions the processing must meet before it goes ahead:</source>
        <translation>处理活动实施前须满足的条件(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="458"/>
        <source>Not required when the decision is not to proceed</source>
        <translation>审批意见为“不同意实施”时无须确认</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="489"/>
        <source>Not confirmed yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="491"/>
        <source>Choose a decision</source>
        <translation>请选择审批意见</translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="494"/>
        <source>A decision to go ahead needs, for each prohibited practice above, when and how it stopped (at least %1 characters); otherwise decide not to proceed, or to suspend and re-assess</source>
        <translation>让处理继续的审批意见须逐项写明上述被禁止的做法何时、以何种方式停止（至少 %1 个字）；否则请选择“不同意实施”或“暂停处理，整改后重新评估”</translation>
    </message>
    <message numerus="yes">
        <location filename="../approve_dialog.py" line="509"/>
        <source>✗ %n thing(s) to complete before the approval can be recorded</source>
        <translation>
            <numerusform>✗ 还有 %n 项须补全，才能记录审批</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../approve_dialog.py" line="512"/>
        <source>✓ The approval is complete</source>
        <translation>✓ 审批内容已完整</translation>
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
    <name>AuditModel</name>
    <message>
        <location filename="../archive_models.py" line="352"/>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="353"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="354"/>
        <source>state changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="355"/>
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="356"/>
        <source>signed</source>
        <translation>签署</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="357"/>
        <source>archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="358"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="359"/>
        <source>deletion refused</source>
        <translation>拒绝删除</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="360"/>
        <source>purged</source>
        <translation>清理</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="361"/>
        <source>database upgraded</source>
        <translation>数据库升级</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="362"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="368"/>
        <source>Assessment version</source>
        <translation>评估版本</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="369"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="370"/>
        <source>Processing record</source>
        <translation>处理情况记录</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="371"/>
        <source>Processor</source>
        <translation>个人信息处理者</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="372"/>
        <source>Filing</source>
        <translation>备案</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="373"/>
        <source>Stored count</source>
        <translation>存储数量</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="374"/>
        <source>Filing event</source>
        <translation>备案事件</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="375"/>
        <source>Filing material</source>
        <translation>备案材料</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="376"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="384"/>
        <source>before: </source>
        <translation>修改前：</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="386"/>
        <source>after: </source>
        <translation>修改后：</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="406"/>
        <source>Sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="407"/>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="408"/>
        <location filename="../archive_models.py" line="494"/>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="409"/>
        <location filename="../archive_models.py" line="495"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="410"/>
        <location filename="../archive_models.py" line="496"/>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="411"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="413"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="415"/>
        <source>Previous hash</source>
        <translation>上一条哈希</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="416"/>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="492"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="493"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="497"/>
        <source>Entity ID</source>
        <translation>对象标识</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="498"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="524"/>
        <source>The chain breaks at this entry</source>
        <translation>哈希链在此条目处断开</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>Cannot read the audit log</source>
        <translation>无法读取审计日志</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="110"/>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="117"/>
        <source>&amp;Entity:</source>
        <translation>对象(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="117"/>
        <source>I&amp;D:</source>
        <translation>标识(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="117"/>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="119"/>
        <source>Filter by entity</source>
        <translation>按对象筛选</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="120"/>
        <source>Filter by entity ID (exact)</source>
        <translation>按对象标识筛选（完全一致）</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="121"/>
        <source>exact ID</source>
        <translation>完整标识</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="122"/>
        <source>Filter by text in the entry</source>
        <translation>按条目中的文字筛选</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="123"/>
        <source>text anywhere in the entry</source>
        <translation>条目中任意位置的文字</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="124"/>
        <source>&amp;Apply filter</source>
        <translation>筛选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="125"/>
        <source>&amp;Clear filter</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="126"/>
        <source>&amp;Verify the chain</source>
        <translation>核验哈希链(&amp;V)</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="127"/>
        <source>Check every entry&apos;s hash and link, from the first entry</source>
        <translation>从第一条起核对每一条目的哈希和链接</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="128"/>
        <source>Audit log entries</source>
        <translation>审计日志条目</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="129"/>
        <source>The selected entry in full</source>
        <translation>所选条目的全部内容</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="147"/>
        <source>Entries shown: %1 (more load as you scroll)</source>
        <translation>已显示 %1 条（向下滚动加载更多）</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="148"/>
        <source>Entries: %1</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="163"/>
        <source>✓ Intact (%1 entries). Head: entry %2, hash %3. Note the head somewhere else: the chain cannot show that its newest entries were cut off.</source>
        <translation>✓ 完整（%1 条）。链头：第 %2 条，哈希 %3。请把链头另行记录：哈希链本身无法显示最新的条目是否被截掉。</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="168"/>
        <source>✗ Broken at entry %1: %2. The %3 entries before it are intact.</source>
        <translation>✗ 在第 %1 条处断开：%2。此前的 %3 条完整。</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="204"/>
        <source>Verification cancelled.</source>
        <translation>核验已取消。</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="206"/>
        <source>Cannot verify the audit log</source>
        <translation>无法核验审计日志</translation>
    </message>
</context>
<context>
    <name>CellRow</name>
    <message>
        <location filename="../risk_view.py" line="172"/>
        <source>Level: %1</source>
        <translation>等级：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="173"/>
        <source>Reason for the level: %1</source>
        <translation>等级理由：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="174"/>
        <source>Why this level (required for the report)</source>
        <translation>评定为此等级的理由（报告必需）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="187"/>
        <source>Not rated</source>
        <translation>未评</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="194"/>
        <source>Unknown level: %1</source>
        <translation>未知等级：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="199"/>
        <source>Not rated yet: choose a level.</source>
        <translation>尚未评定：请选择等级。</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="201"/>
        <source>This level is not one of the method&apos;s levels: choose another.</source>
        <translation>该等级不属于本评估方法的等级，请重新选择。</translation>
    </message>
</context>
<context>
    <name>ClockWords</name>
    <message>
        <location filename="../archive_models.py" line="629"/>
        <source>(estimate)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="632"/>
        <source>Done on time (deadline %2).</source>
        <translation>已按期办理（期限 %2）。</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="635"/>
        <source>Done late: 1 calendar day after the deadline of %2.</source>
        <translation>逾期办理：晚于期限 %2 共 1 个自然日。</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="637"/>
        <source>Done late: %1 calendar days after the deadline of %2.</source>
        <translation>逾期办理：晚于期限 %2 共 %1 个自然日。</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="641"/>
        <source>Overdue by 1 calendar day: the deadline was %2.</source>
        <translation>已逾期 1 个自然日：期限为 %2。</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="643"/>
        <source>Overdue by %1 calendar days: the deadline was %2.</source>
        <translation>已逾期 %1 个自然日：期限为 %2。</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="647"/>
        <source>Due soon: 1 working day left, by %2.</source>
        <translation>即将到期：还剩 1 个工作日，须于 %2 前办理。</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="649"/>
        <source>Due soon: %1 working days left, by %2.</source>
        <translation>即将到期：还剩 %1 个工作日，须于 %2 前办理。</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="653"/>
        <source>Due in 1 working day, by %2.</source>
        <translation>还剩 1 个工作日，须于 %2 前办理。</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="655"/>
        <source>Due in %1 working days, by %2.</source>
        <translation>还剩 %1 个工作日，须于 %2 前办理。</translation>
    </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <location filename="../archive_models.py" line="675"/>
        <source>Counted on</source>
        <translation>计数日期</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="676"/>
        <source>Stored (de-duplicated)</source>
        <translation>存储数量（去重）</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="677"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../editors.py" line="883"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../editors.py" line="884"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../editors.py" line="885"/>
        <location filename="../editors.py" line="886"/>
        <source>Clear the date</source>
        <translation>清除日期</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../diff_view.py" line="162"/>
        <source>Before: </source>
        <translation>修改前：</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="162"/>
        <source>After: </source>
        <translation>修改后：</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="177"/>
        <source>Compare: %1</source>
        <translation>版本比较：%1</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="178"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="179"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="179"/>
        <source>Only findings and risks</source>
        <translation>仅评估发现和风险</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="180"/>
        <source>Only answers</source>
        <translation>仅回答</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="182"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="183"/>
        <source>&amp;Copy as text</source>
        <translation>复制为文本(&amp;C)</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="184"/>
        <source>Copy the comparison as text</source>
        <translation>将比较结果复制为文本</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="185"/>
        <source>Comparison, before and after</source>
        <translation>比较结果：修改前与修改后</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="186"/>
        <source>Left: before; right: after. Removed text is struck through and marked [− … −]; added text is underlined and marked [+ … +].</source>
        <translation>左栏为修改前，右栏为修改后。删除的内容加删除线并标为 [− … −]；新增的内容加下划线并标为 [+ … +]。</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="194"/>
        <source>Version %1 (%2)</source>
        <translation>第 %1 版（%2）</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="205"/>
        <source>Before: %1  →  After: %2</source>
        <translation>修改前：%1  →  修改后：%2</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="209"/>
        <source>Answers changed: %1</source>
        <translation>回答变化：%1</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="210"/>
        <source>Other fields changed: %1</source>
        <translation>其他字段变化：%1</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="211"/>
        <source>Findings changed: %1</source>
        <translation>评估发现变化：%1</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="212"/>
        <source>Risk levels moved: %1</source>
        <translation>风险等级变化：%1</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="215"/>
        <source>Nothing changed: the two hold the same answers and the same findings.</source>
        <translation>没有变化：两者的回答和评估发现完全相同。</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="217"/>
        <source>The answers and the findings are the same; only details outside them differ.</source>
        <translation>回答和评估发现相同，只有其他细节不同。</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="224"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="224"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="234"/>
        <source>Findings</source>
        <translation>评估发现</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="236"/>
        <source>No finding appeared, went away or changed its verdict.</source>
        <translation>没有新增、消失或结论改变的评估发现。</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="240"/>
        <source>New: </source>
        <translation>新增：</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="242"/>
        <source>Gone: </source>
        <translation>消失：</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="244"/>
        <source>Verdict changed: </source>
        <translation>结论改变：</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="246"/>
        <source> (more serious)</source>
        <translation>（更严重）</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="246"/>
        <source> (less serious)</source>
        <translation>（减轻）</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="250"/>
        <source>Risk levels</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="254"/>
        <source>raised</source>
        <translation>上升</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="254"/>
        <source>lowered</source>
        <translation>下降</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="255"/>
        <source>now rated</source>
        <translation>现已评定</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="255"/>
        <source>no longer rated</source>
        <translation>不再有评定</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="261"/>
        <source>Completeness and scope</source>
        <translation>完整性与适用范围</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="265"/>
        <source>Required question now unanswered: </source>
        <translation>必答问题现未回答：</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="269"/>
        <source>Required question now answered (or no longer asked): </source>
        <translation>必答问题现已回答（或不再需要回答）：</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="272"/>
        <source>The FRT Measures now apply.</source>
        <translation>《人脸识别技术应用安全管理办法》现在适用。</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="273"/>
        <source>The FRT Measures no longer apply.</source>
        <translation>《人脸识别技术应用安全管理办法》不再适用。</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="287"/>
        <location filename="../diff_view.py" line="298"/>
        <source>(no answer)</source>
        <translation>（未回答）</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="296"/>
        <location filename="../diff_view.py" line="337"/>
        <location filename="../diff_view.py" line="339"/>
        <source>[… %1 characters unchanged …]</source>
        <translation>[……%1 个字符未变……]</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="319"/>
        <source>Row %1 removed</source>
        <translation>第 %1 行已删除</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="321"/>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="323"/>
        <source>(no such row)</source>
        <translation>（无此行）</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="324"/>
        <source>Row %1 added</source>
        <translation>新增第 %1 行</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="327"/>
        <location filename="../diff_view.py" line="328"/>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="343"/>
        <location filename="../diff_view.py" line="346"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="353"/>
        <source>answered</source>
        <translation>新回答</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="353"/>
        <source>answer removed</source>
        <translation>回答已删除</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="354"/>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="355"/>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="357"/>
        <source>No answer changed.</source>
        <translation>没有回答发生变化。</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="367"/>
        <source>Other changes (people, sites, risk ratings, approval)</source>
        <translation>其他变化（人员、场所、风险评定、审批）</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../archive_models.py" line="702"/>
        <source>Change filing</source>
        <translation>备案变更</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="702"/>
        <source>Cancellation</source>
        <translation>注销备案</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="707"/>
        <source>Withdrawn: %1</source>
        <translation>已撤回：%1</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="711"/>
        <source>no clock</source>
        <translation>无期限</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="721"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="722"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="723"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="724"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="725"/>
        <source>Done</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="726"/>
        <source>Facial data disposed of</source>
        <translation>人脸信息处理</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="744"/>
        <source>not recorded yet</source>
        <translation>尚未记录</translation>
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
    <name>FilingTracker</name>
    <message>
        <location filename="../filing_tracker.py" line="249"/>
        <location filename="../filing_tracker.py" line="452"/>
        <source>&amp;Processor:</source>
        <translation>个人信息处理者(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="250"/>
        <source>Personal information processor</source>
        <translation>个人信息处理者</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="251"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="252"/>
        <source>Log stored &amp;count…</source>
        <translation>记录存储数量(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="253"/>
        <source>&amp;Threshold date…</source>
        <translation>达到门槛日期(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="254"/>
        <source>Record the &amp;filing…</source>
        <translation>记录备案(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="255"/>
        <source>Latest stored count (de-duplicated)</source>
        <translation>最新存储数量（去重）</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="256"/>
        <source>100,000 first reached on</source>
        <translation>首次达到10万人</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="257"/>
        <source>Filing deadline (30 PRC working days)</source>
        <translation>备案期限（30个工作日）</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="258"/>
        <source>Filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="262"/>
        <source>Filing state</source>
        <translation>备案状态</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="263"/>
        <source>Overdue and reminders</source>
        <translation>逾期事项和提醒</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="264"/>
        <source>Stored counts</source>
        <translation>存储数量</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="265"/>
        <location filename="../filing_tracker.py" line="268"/>
        <source>Change and cancellation events</source>
        <translation>变更和注销事件</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="266"/>
        <source>Materials (8 files)</source>
        <translation>备案材料（8项）</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="267"/>
        <source>Stored-count log</source>
        <translation>存储数量记录</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="269"/>
        <source>Filing materials checklist</source>
        <translation>备案材料清单</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="270"/>
        <source>Add a &amp;change…</source>
        <translation>新增变更(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="270"/>
        <source>Add the &amp;end of use…</source>
        <translation>新增停止应用(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="271"/>
        <source>&amp;Done…</source>
        <translation>已办理(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="271"/>
        <source>Facial data dis&amp;posed of…</source>
        <translation>人脸信息已处理(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="272"/>
        <source>&amp;Withdraw…</source>
        <translation>撤回(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="275"/>
        <source>&amp;State and note…</source>
        <translation>状态和备注(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="276"/>
        <source>&amp;Attach a file…</source>
        <translation>附加文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="277"/>
        <source>Sa&amp;ve the attached file…</source>
        <translation>保存附件(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="278"/>
        <source>No processor is tracked yet. Log the first stored count: it names the processor and starts the tracker.</source>
        <translation>尚未跟踪任何个人信息处理者。请记录第一次存储数量：它写明处理者并开始跟踪。</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="312"/>
        <location filename="../filing_tracker.py" line="338"/>
        <source>Cannot read the filing tracker</source>
        <translation>无法读取备案跟踪</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="363"/>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="368"/>
        <source>none logged yet</source>
        <translation>尚无记录</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="370"/>
        <source>%1 (counted on %2)</source>
        <translation>%1（%2 计数）</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="374"/>
        <source>entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="374"/>
        <source>from the count log</source>
        <translation>取自计数记录</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="378"/>
        <source>not reached</source>
        <translation>未达到</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="384"/>
        <source>(transition rule for counts reached before 1 June 2025)</source>
        <translation>（2025年6月1日前已达到门槛的过渡规定）</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="386"/>
        <source>(estimate)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="389"/>
        <source>no clock: the threshold is not reached</source>
        <translation>无期限：未达到门槛</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="392"/>
        <source>number %1</source>
        <translation>编号 %1</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="397"/>
        <source>not filed yet</source>
        <translation>尚未备案</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="399"/>
        <source>Filing: %1</source>
        <translation>备案：%1</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="402"/>
        <source>⚠ Close to the 100,000 filing threshold: no filing due yet.</source>
        <translation>⚠ 接近10万人的备案门槛：暂不需要备案。</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="404"/>
        <source>Below the 100,000 filing threshold: no filing due.</source>
        <translation>低于10万人的备案门槛：不需要备案。</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="407"/>
        <source>Overdue: %1</source>
        <translation>逾期：%1</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="411"/>
        <source>Reminder: %1</source>
        <translation>提醒：%1</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="451"/>
        <source>Log the stored count</source>
        <translation>记录存储数量</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="453"/>
        <source>Counted &amp;on:</source>
        <translation>计数日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="454"/>
        <source>&amp;Stored (de-duplicated):</source>
        <translation>存储数量（去重）(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="454"/>
        <source>e.g. 120000</source>
        <translation>例如 120000</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="455"/>
        <location filename="../filing_tracker.py" line="571"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="468"/>
        <source>The day the threshold was reached</source>
        <translation>达到门槛的日期</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="470"/>
        <source>100,000 first &amp;reached on:</source>
        <translation>首次达到10万人(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="471"/>
        <source>&amp;Use the count log:</source>
        <translation>使用计数记录(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="471"/>
        <source>take the first count of 100,000 or more</source>
        <translation>取第一次达到10万人及以上的计数</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="483"/>
        <source>Record the filing</source>
        <translation>记录备案</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="485"/>
        <source>Filed &amp;on:</source>
        <translation>备案日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="486"/>
        <source>Filing &amp;number:</source>
        <translation>备案编号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="487"/>
        <source>&amp;Authority:</source>
        <translation>备案机关(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="500"/>
        <source>A substantive change (change filing)</source>
        <translation>实质性变化（备案变更）</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="501"/>
        <source>Changed &amp;on:</source>
        <translation>变化日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="503"/>
        <source>The end of FRT use (cancellation of the filing)</source>
        <translation>停止应用人脸识别技术（注销备案）</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="504"/>
        <source>Use &amp;ended on:</source>
        <translation>停止日期(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="505"/>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="519"/>
        <source>The change filing or cancellation was made</source>
        <translation>已办理备案变更或注销</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="523"/>
        <source>Done &amp;on:</source>
        <translation>办理日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="524"/>
        <source>&amp;Reference:</source>
        <translation>文号(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="531"/>
        <source>The facial data was disposed of</source>
        <translation>人脸信息已依法处理</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="535"/>
        <source>Disposed of &amp;on:</source>
        <translation>处理日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="536"/>
        <source>&amp;How, and the evidence:</source>
        <translation>处理方式和证明(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="543"/>
        <source>Withdraw an event entered by mistake</source>
        <translation>撤回误录的事件</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="546"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="547"/>
        <source>Events are never deleted: a withdrawn event stays in the list with its reason.</source>
        <translation>事件不会被删除：撤回的事件连同原因保留在列表中。</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="570"/>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="573"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="577"/>
        <source>&amp;Linked report:</source>
        <translation>关联报告(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="582"/>
        <source>Attach a file to the material</source>
        <translation>为材料附加文件</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="583"/>
        <location filename="../filing_tracker.py" line="602"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="594"/>
        <source>Cannot attach the file</source>
        <translation>无法附加文件</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="601"/>
        <source>Save the attached file</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="613"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../filing_tracker.py" line="614"/>
        <source>Cannot save the file</source>
        <translation>无法保存文件</translation>
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
        <location filename="../risk_view.py" line="1143"/>
        <source>Heat map: inherent → current risk</source>
        <translation>风险热力图：固有风险 → 当前剩余风险</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="1144"/>
        <source>Enlarge…</source>
        <translation>放大…</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="1145"/>
        <source>Show the heat map in a window of its own</source>
        <translation>在单独的窗口中显示风险热力图</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="1146"/>
        <source>Risk heat map</source>
        <translation>风险热力图</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="1147"/>
        <source>Numbers are the risks in the list. Dashed circle: inherent risk (before measures); filled circle: current risk (measures in place); ringed: unchanged. Each cell names its risk level.</source>
        <translation>编号对应列表中的风险。虚线圆圈：固有风险（采取措施前）；实心圆：当前剩余风险（已落实措施）；带外圈：未变化。每个格子标有其风险等级。</translation>
    </message>
</context>
<context>
    <name>HomeWindow</name>
    <message>
        <location filename="../home.py" line="181"/>
        <source>pia-wizard: personal information protection impact assessments</source>
        <translation>pia-wizard：个人信息保护影响评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="182"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../home.py" line="183"/>
        <source>New blank assessment (Ctrl+N)</source>
        <translation>新建空白评估（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../home.py" line="184"/>
        <source>New from e&amp;xample</source>
        <translation>从示例新建(&amp;X)</translation>
    </message>
    <message>
        <location filename="../home.py" line="185"/>
        <source>Hotel self check-in kiosk</source>
        <translation>酒店自助入住核验</translation>
    </message>
    <message>
        <location filename="../home.py" line="186"/>
        <source>Residential community gate</source>
        <translation>住宅小区人脸门禁</translation>
    </message>
    <message>
        <location filename="../home.py" line="187"/>
        <source>School canteen payment</source>
        <translation>学校食堂刷脸消费</translation>
    </message>
    <message>
        <location filename="../home.py" line="188"/>
        <source>Factory attendance</source>
        <translation>工厂人脸考勤</translation>
    </message>
    <message>
        <location filename="../home.py" line="191"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../home.py" line="192"/>
        <source>New &amp;version…</source>
        <translation>新版本(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="193"/>
        <source>&amp;Import JSON…</source>
        <translation>导入 JSON(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="194"/>
        <source>Import &amp;report PDF…</source>
        <translation>从报告 PDF 导入(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="195"/>
        <source>&amp;Export JSON…</source>
        <translation>导出 JSON(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="196"/>
        <source>&amp;Delete draft</source>
        <translation>删除草稿(&amp;D)</translation>
    </message>
    <message>
        <location filename="../home.py" line="197"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="198"/>
        <source>Versions and &amp;comparison…</source>
        <translation>版本与比较(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="199"/>
        <source>The versions of the selected assessment, and what changed between two</source>
        <translation>所选评估的各个版本，以及两个版本之间的变化</translation>
    </message>
    <message>
        <location filename="../home.py" line="200"/>
        <source>Archived &amp;reports…</source>
        <translation>已归档报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="201"/>
        <source>&amp;Verify a report…</source>
        <translation>验证报告(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="202"/>
        <source>Check the signatures and the embedded data of any report PDF</source>
        <translation>检查任一报告 PDF 的签名和内嵌数据</translation>
    </message>
    <message>
        <location filename="../home.py" line="203"/>
        <source>Signing &amp;keys…</source>
        <translation>签名密钥(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="204"/>
        <source>&amp;Processing records…</source>
        <translation>处理情况记录(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="205"/>
        <source>&amp;Filing tracker…</source>
        <translation>备案跟踪(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="206"/>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../home.py" line="207"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../home.py" line="208"/>
        <source>&amp;Assessment</source>
        <translation>评估(&amp;A)</translation>
    </message>
    <message>
        <location filename="../home.py" line="209"/>
        <source>&amp;Reports</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <location filename="../home.py" line="210"/>
        <source>Re&amp;cords</source>
        <translation>记录(&amp;C)</translation>
    </message>
    <message>
        <location filename="../home.py" line="211"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../home.py" line="215"/>
        <source>Switch the language (Ctrl+L)</source>
        <translation>切换语言（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../home.py" line="216"/>
        <source>Filter by system, processor, state… (Ctrl+F)</source>
        <translation>按系统、处理者、状态等筛选…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../home.py" line="217"/>
        <source>Filter assessments</source>
        <translation>筛选评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="218"/>
        <source>Assessments in the archive</source>
        <translation>档案库中的评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="219"/>
        <source>No assessment yet. Start a new one, start from an example, or import a file.</source>
        <translation>尚无评估。请新建评估、从示例新建，或导入文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../home.py" line="233"/>
        <source>%n assessment(s) · data folder: %1</source>
        <translation>
            <numerusform>共 %n 项评估 · 数据文件夹：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../home.py" line="251"/>
        <source>Cannot read the archive</source>
        <translation>无法读取档案库</translation>
    </message>
    <message>
        <location filename="../home.py" line="297"/>
        <location filename="../home.py" line="307"/>
        <source>Cannot create the assessment</source>
        <translation>无法创建评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="335"/>
        <source>Import an assessment file</source>
        <translation>导入评估文件</translation>
    </message>
    <message>
        <location filename="../home.py" line="336"/>
        <source>Assessment files (*.json);;All files (*)</source>
        <translation>评估文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../home.py" line="342"/>
        <source>Cannot import the file</source>
        <translation>无法导入该文件</translation>
    </message>
    <message>
        <location filename="../home.py" line="345"/>
        <source>Import the assessment inside a report</source>
        <translation>导入报告中附带的评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="346"/>
        <source>Report PDF (*.pdf);;All files (*)</source>
        <translation>报告 PDF (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../home.py" line="359"/>
        <source>Cannot import the report</source>
        <translation>无法导入该报告</translation>
    </message>
    <message>
        <location filename="../home.py" line="365"/>
        <source>Export the assessment</source>
        <translation>导出评估</translation>
    </message>
    <message>
        <location filename="../home.py" line="367"/>
        <source>Assessment files (*.json)</source>
        <translation>评估文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../home.py" line="376"/>
        <source>Exported to %1</source>
        <translation>已导出至 %1</translation>
    </message>
    <message>
        <location filename="../home.py" line="377"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../home.py" line="394"/>
        <source>Cannot start a new version</source>
        <translation>无法创建新版本</translation>
    </message>
    <message>
        <location filename="../home.py" line="402"/>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <location filename="../home.py" line="403"/>
        <source>Only a draft can be deleted. Submitted and approved versions are records the law requires you to keep for at least three years (Measures Art. 9, PIPL Art. 56).</source>
        <translation>只能删除草稿。已提交审核和已批准的版本属于法定记录，须至少保存三年（《人脸识别技术应用安全管理办法》第九条、《个人信息保护法》第五十六条）。</translation>
    </message>
    <message>
        <location filename="../home.py" line="406"/>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../home.py" line="407"/>
        <source>Delete the draft “%1”? Its answers cannot be recovered.</source>
        <translation>确定删除草稿“%1”吗？删除后其中的回答将无法恢复。</translation>
    </message>
    <message>
        <location filename="../home.py" line="413"/>
        <source>Cannot delete the draft</source>
        <translation>无法删除草稿</translation>
    </message>
    <message>
        <location filename="../home.py" line="419"/>
        <source>Archived reports</source>
        <translation>已归档报告</translation>
    </message>
    <message>
        <location filename="../home.py" line="419"/>
        <source>Verify a report</source>
        <translation>核验报告</translation>
    </message>
    <message>
        <location filename="../home.py" line="420"/>
        <source>Processing records</source>
        <translation>处理情况记录</translation>
    </message>
    <message>
        <location filename="../home.py" line="420"/>
        <source>Filing tracker (Measures Art. 15)</source>
        <translation>备案跟踪（《办法》第十五条）</translation>
    </message>
    <message>
        <location filename="../home.py" line="421"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../home.py" line="424"/>
        <source>Versions: %1</source>
        <translation>版本：%1</translation>
    </message>
    <message>
        <location filename="../home.py" line="500"/>
        <source>Cannot show the report</source>
        <translation>无法显示报告</translation>
    </message>
    <message>
        <location filename="../home.py" line="521"/>
        <source>Cannot read the report</source>
        <translation>无法读取报告</translation>
    </message>
</context>
<context>
    <name>ImportProblemsModel</name>
    <message>
        <location filename="../archive_models.py" line="321"/>
        <source>Record no.</source>
        <translation>记录序号</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="323"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="326"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="327"/>
        <source>Problem</source>
        <translation>问题</translation>
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
    <name>JobBar</name>
    <message>
        <location filename="../records_view.py" line="92"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="93"/>
        <source>Cancel the running job</source>
        <translation>取消正在进行的任务</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="94"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../keys_dialog.py" line="265"/>
        <source>Signing keys</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="266"/>
        <source>&amp;Whose key:</source>
        <translation>密钥所属(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="267"/>
        <source>The PI protection officer (signs the approval)</source>
        <translation>个人信息保护负责人（签署审批）</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="268"/>
        <source>The lead assessor (signs first, optional)</source>
        <translation>评估负责人（先签，可选）</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="269"/>
        <source>Whose key</source>
        <translation>密钥所属</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="270"/>
        <source>&amp;Certificate</source>
        <translation>证书(&amp;C)</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="271"/>
        <source>C&amp;reate a self-signed identity</source>
        <translation>创建自签名身份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="272"/>
        <source>&amp;Import a CA-issued .p12/.pfx</source>
        <translation>导入 CA 签发的 .p12/.pfx(&amp;I)</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="273"/>
        <source>&amp;Key file:</source>
        <translation>密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="274"/>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="275"/>
        <location filename="../keys_dialog.py" line="298"/>
        <location filename="../keys_dialog.py" line="307"/>
        <location filename="../keys_dialog.py" line="312"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="276"/>
        <location filename="../keys_dialog.py" line="350"/>
        <source>Choose a key file</source>
        <translation>选择密钥文件</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="277"/>
        <location filename="../keys_dialog.py" line="292"/>
        <location filename="../keys_dialog.py" line="304"/>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="278"/>
        <source>Passphrase of the key file</source>
        <translation>密钥文件的口令</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="279"/>
        <source>Asked each time, never stored</source>
        <translation>每次使用时输入，从不保存</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="280"/>
        <source>&amp;Show the certificate</source>
        <translation>查看证书(&amp;S)</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="281"/>
        <source>&amp;Export the certificate (PEM)…</source>
        <translation>导出证书 (PEM)(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="283"/>
        <source>Write the public certificate for a regulator, an auditor or a colleague to trust</source>
        <translation>导出公开证书，供监管部门、审计人员或同事导入信任</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="284"/>
        <source>Signer:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="284"/>
        <source>Organisation:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="285"/>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="285"/>
        <source>Issuer:</source>
        <translation>颁发者：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="286"/>
        <source>Valid:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="286"/>
        <source>Key:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="287"/>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 指纹：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="289"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="290"/>
        <source>&amp;Organisation:</source>
        <translation>单位(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="291"/>
        <location filename="../keys_dialog.py" line="305"/>
        <source>&amp;Keep it in:</source>
        <translation>保存到(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="293"/>
        <source>Passphrase a&amp;gain:</source>
        <translation>再次输入口令(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="294"/>
        <source>Signer&apos;s name</source>
        <translation>签署人姓名</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="295"/>
        <source>As it should appear on the signature</source>
        <translation>即签名上显示的姓名</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="296"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="297"/>
        <source>Where to keep the new key file</source>
        <translation>新密钥文件的保存位置</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="299"/>
        <source>Choose where to keep the new key file</source>
        <translation>选择新密钥文件的保存位置</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="300"/>
        <source>New passphrase</source>
        <translation>新口令</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="301"/>
        <source>New passphrase again</source>
        <translation>再次输入新口令</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="302"/>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="303"/>
        <source>&amp;File (.p12/.pfx):</source>
        <translation>文件 (.p12/.pfx)(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="306"/>
        <source>The .p12 or .pfx file to import</source>
        <translation>要导入的 .p12 或 .pfx 文件</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="308"/>
        <source>Choose the .p12 or .pfx file</source>
        <translation>选择 .p12 或 .pfx 文件</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="309"/>
        <source>Passphrase of the file to import</source>
        <translation>要导入文件的口令</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="310"/>
        <source>It protects the imported key from now on as well</source>
        <translation>导入后仍用此口令保护密钥</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="311"/>
        <source>Where to keep the imported key file</source>
        <translation>导入的密钥文件的保存位置</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="313"/>
        <source>Choose where to keep the imported key file</source>
        <translation>选择导入的密钥文件的保存位置</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="314"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="315"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="342"/>
        <source>✓ A key file is here</source>
        <translation>✓ 此处有密钥文件</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="345"/>
        <source>✗ No key file here yet: create one or import one</source>
        <translation>✗ 此处还没有密钥文件：请创建或导入</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="351"/>
        <location filename="../keys_dialog.py" line="363"/>
        <source>Key files (*.p12 *.pfx);;All files (*)</source>
        <translation>密钥文件 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="356"/>
        <source>Where to keep the key file</source>
        <translation>密钥文件的保存位置</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="357"/>
        <source>Key files (*.p12)</source>
        <translation>密钥文件 (*.p12)</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="362"/>
        <source>Import a key file</source>
        <translation>导入密钥文件</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="390"/>
        <source>A short sentence is easy to remember and hard to guess</source>
        <translation>用一句短语作口令，好记又难猜</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="393"/>
        <source>✗ The two passphrases differ</source>
        <translation>✗ 两次输入的口令不一致</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="398"/>
        <location filename="../keys_dialog.py" line="410"/>
        <source>✗ A key file is already there; it is never overwritten: choose another file</source>
        <translation>✗ 此处已有密钥文件，不会覆盖：请另选文件</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="424"/>
        <source>Opening the key file…</source>
        <translation>正在打开密钥文件…</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="441"/>
        <source>Self-signed: trusted only where this certificate is imported</source>
        <translation>自签名：只在导入了此证书的地方受信任</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="443"/>
        <source>Issued by a certification authority</source>
        <translation>由认证机构签发</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="451"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="455"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 指纹</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="462"/>
        <source>✗ Enter the passphrase of the key file to export its certificate</source>
        <translation>✗ 请输入密钥文件的口令，才能导出证书</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="467"/>
        <source>Export the certificate</source>
        <translation>导出证书</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="469"/>
        <source>Certificates (*.pem)</source>
        <translation>证书 (*.pem)</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="474"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="481"/>
        <source>✓ Certificate written to %1</source>
        <translation>✓ 证书已写入 %1</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="491"/>
        <source>Creating the key and its certificate…</source>
        <translation>正在创建密钥和证书…</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="504"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../keys_dialog.py" line="511"/>
        <location filename="../keys_dialog.py" line="517"/>
        <source>✓ Kept in %1</source>
        <translation>✓ 已保存到 %1</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <location filename="../archive_models.py" line="774"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="775"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="776"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="777"/>
        <source>Attached file</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="778"/>
        <source>Linked report</source>
        <translation>关联报告</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="796"/>
        <source>archived report</source>
        <translation>已归档报告</translation>
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
        <location filename="../editors.py" line="739"/>
        <source>Enter a whole number from {low} to {high}.</source>
        <translation>请输入 {low} 至 {high} 之间的整数。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="741"/>
        <source>Enter a whole number of at least {low}.</source>
        <translation>请输入不小于 {low} 的整数。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="743"/>
        <source>Enter a whole number of at most {high}.</source>
        <translation>请输入不大于 {high} 的整数。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="744"/>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="746"/>
        <source>Enter a number from {low} to {high}.</source>
        <translation>请输入 {low} 至 {high} 之间的数值。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="748"/>
        <source>Enter a number of at least {low}.</source>
        <translation>请输入不小于 {low} 的数值。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="750"/>
        <source>Enter a number of at most {high}.</source>
        <translation>请输入不大于 {high} 的数值。</translation>
    </message>
    <message>
        <location filename="../editors.py" line="751"/>
        <source>Enter a number.</source>
        <translation>请输入数值。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../pdf_preview.py" line="266"/>
        <source>Pages</source>
        <translation>页面缩略图</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="267"/>
        <source>Show or hide the page thumbnails</source>
        <translation>显示或隐藏页面缩略图</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="268"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="269"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="270"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="271"/>
        <source>Zoom in (Ctrl+=)</source>
        <translation>放大（Ctrl+=）</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="272"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="273"/>
        <source>Fit the page width (Ctrl+0)</source>
        <translation>适合页面宽度（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="274"/>
        <source>Fit page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="275"/>
        <source>Show whole pages</source>
        <translation>显示整页</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="276"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="277"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="278"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="279"/>
        <source>Next match (F3)</source>
        <translation>下一个匹配（F3）</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="280"/>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="281"/>
        <source>Save a copy of this PDF outside the data folder (Ctrl+Shift+S)</source>
        <translation>将此 PDF 的副本保存到数据文件夹以外的位置（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="282"/>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="283"/>
        <source>Page number (Ctrl+G)</source>
        <translation>页码（Ctrl+G）</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="284"/>
        <source>Go to page (Ctrl+G)</source>
        <translation>转到页（Ctrl+G）</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="285"/>
        <source>Search the report (Ctrl+F)</source>
        <translation>在报告中搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="286"/>
        <source>Search the report</source>
        <translation>在报告中搜索</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="287"/>
        <source>Page thumbnails</source>
        <translation>页面缩略图</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="288"/>
        <source>Report pages</source>
        <translation>报告页面</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="370"/>
        <source>%1 cannot be shown: it is protected by a password.</source>
        <translation>无法显示 %1：文件受密码保护。</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="372"/>
        <source>%1 cannot be shown: it is damaged or not a PDF.</source>
        <translation>无法显示 %1：文件已损坏或不是 PDF。</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="373"/>
        <source>The file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="435"/>
        <source>Report preview</source>
        <translation>报告预览</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="444"/>
        <source>of %1</source>
        <translation>/ 共 %1 页</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="516"/>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="595"/>
        <source>Zoom: %1</source>
        <translation>缩放：%1</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="673"/>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="674"/>
        <source>%2 found</source>
        <translation>找到 %2 个</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="678"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="680"/>
        <source>No match</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="682"/>
        <source>Search results: %1</source>
        <translation>搜索结果：%1</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="697"/>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="702"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="710"/>
        <location filename="../pdf_preview.py" line="715"/>
        <source>Cannot save the copy</source>
        <translation>无法保存副本</translation>
    </message>
</context>
<context>
    <name>ProposalBox</name>
    <message>
        <location filename="../risk_view.py" line="595"/>
        <source>Applied to every risk</source>
        <translation>已应用于全部风险</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="596"/>
        <source>Applied to this risk</source>
        <translation>已应用于本项风险</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="596"/>
        <source>Not applied yet</source>
        <translation>尚未应用</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="602"/>
        <source>Proposed from your answers: %1</source>
        <translation>根据您的回答建议：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="604"/>
        <source>Reason for the proposed adjustment</source>
        <translation>建议修正的理由</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="605"/>
        <source>Apply the proposed adjustment to all risks</source>
        <translation>将建议的修正应用于全部风险</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="607"/>
        <source>Apply to this risk only</source>
        <translation>仅应用于本项风险</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <location filename="../reports_view.py" line="44"/>
        <source>Purge what is past its retention</source>
        <translation>清理超过保存期限的内容</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="46"/>
        <source>These are past their retain-until date. Deleting them cannot be undone; the purge is recorded in the audit log and the freed space is overwritten.</source>
        <translation>以下内容已超过保存期限。删除后无法恢复；清理会记入审计日志，释放的空间会被覆盖。</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="48"/>
        <source>Report %1, kept until %2</source>
        <translation>报告 %1，保存至 %2</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="51"/>
        <source>Processing records: %1</source>
        <translation>处理情况记录：%1 条</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="55"/>
        <source>What would be deleted</source>
        <translation>将被删除的内容</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="57"/>
        <source>&amp;Delete permanently</source>
        <translation>永久删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>QuestionBlock</name>
    <message>
        <location filename="../workspace.py" line="110"/>
        <source>Legal basis: </source>
        <translation>依据：</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="110"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="112"/>
        <source>Help and legal basis</source>
        <translation>说明与依据</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="113"/>
        <source>Help for: %1</source>
        <translation>查看说明：%1</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="115"/>
        <source>Required</source>
        <translation>必答</translation>
    </message>
</context>
<context>
    <name>QuickPreview</name>
    <message>
        <location filename="../pdf_preview.py" line="781"/>
        <source>Quick preview: the report&apos;s first pages</source>
        <translation>快速预览：报告的前几页</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="782"/>
        <source>Report &amp;language:</source>
        <translation>报告语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="783"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="783"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="783"/>
        <source>Chinese and English</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="785"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="786"/>
        <source>&amp;Render preview</source>
        <translation>生成预览(&amp;R)</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="787"/>
        <source>Render the cover, approval page, summary and findings of the draft as it stands (F5)</source>
        <translation>按草稿当前内容生成封面、审批页、执行摘要和评估发现（F5）</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="789"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="790"/>
        <source>Rendering</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="801"/>
        <source>Rendering the first pages of the report… the workspace stays usable.</source>
        <translation>正在生成报告的前几页…… 期间可以继续作答。</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="803"/>
        <source>The cover to the summary and the findings, %1 pages; not the whole report, not signed (rendered at %2).</source>
        <translation>封面至执行摘要和评估发现，共 %1 页；不是完整报告，未签署（%2 生成）。</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="806"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="808"/>
        <source>The preview could not be rendered: %1</source>
        <translation>无法生成预览：%1</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="810"/>
        <source>There is no assessment to preview.</source>
        <translation>没有可预览的评估。</translation>
    </message>
    <message>
        <location filename="../pdf_preview.py" line="812"/>
        <source>Render a preview of the first pages of the report (F5).</source>
        <translation>生成报告前几页的预览（F5）。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../records_view.py" line="206"/>
        <source>New processing record</source>
        <translation>新建处理情况记录</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="212"/>
        <source>Optional: at least three years after the record (PIPL Art. 56); the minimum when not set</source>
        <translation>可选：至少为记录后三年（《个人信息保护法》第五十六条）；不填则取最短期限</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="214"/>
        <source>A whole number, e.g. 12000</source>
        <translation>整数，例如 12000</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="215"/>
        <source>Fields marked * are required.</source>
        <translation>带 * 的字段为必填项。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="218"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="277"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="278"/>
        <source>%1 is not a whole number</source>
        <translation>%1 不是整数</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="279"/>
        <source>%1 is negative</source>
        <translation>%1 是负数</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="280"/>
        <source>%1 is not a date (use YYYY-MM-DD)</source>
        <translation>%1 不是日期（格式为 YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="281"/>
        <source>%1 is not a real calendar date</source>
        <translation>%1 不是真实存在的日期</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="282"/>
        <source>%1 is in the future</source>
        <translation>%1 晚于今天</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="283"/>
        <source>is %1 characters long; the limit is %2</source>
        <translation>长度为 %1 个字符，上限为 %2 个</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="284"/>
        <source>contains a control character</source>
        <translation>含有控制字符</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../archive_models.py" line="169"/>
        <source>Keep until</source>
        <translation>保存至</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../records_view.py" line="323"/>
        <source>Cannot read the records</source>
        <translation>无法读取处理情况记录</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="434"/>
        <source>S&amp;ystem:</source>
        <translation>系统(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="434"/>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="434"/>
        <source>&amp;From:</source>
        <translation>起始日期(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="435"/>
        <source>T&amp;o:</source>
        <translation>截止日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="435"/>
        <source>Asse&amp;ssment:</source>
        <translation>评估(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="437"/>
        <source>Filter by system (exact name)</source>
        <translation>按系统筛选（名称完全一致）</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="438"/>
        <source>exact name</source>
        <translation>完整名称</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="439"/>
        <source>Filter by text in any field</source>
        <translation>按任一字段中的文字筛选</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="440"/>
        <source>text in any descriptive field</source>
        <translation>任一说明字段中的文字</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="441"/>
        <source>Records dated from</source>
        <translation>记录日期起</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="442"/>
        <source>Records dated to</source>
        <translation>记录日期止</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="444"/>
        <location filename="../records_view.py" line="446"/>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="447"/>
        <source>Filter by assessment</source>
        <translation>按评估筛选</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="448"/>
        <source>&amp;Apply filter</source>
        <translation>筛选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="449"/>
        <source>&amp;Clear filter</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="450"/>
        <source>A&amp;dd record…</source>
        <translation>新增记录(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="451"/>
        <source>&amp;Import CSV or JSON…</source>
        <translation>导入 CSV 或 JSON(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="452"/>
        <source>Export C&amp;SV…</source>
        <translation>导出 CSV(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="453"/>
        <source>Export &amp;JSON…</source>
        <translation>导出 JSON(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="454"/>
        <source>Processing records</source>
        <translation>处理情况记录</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="455"/>
        <source>The selected record, every field</source>
        <translation>所选记录的全部字段</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="456"/>
        <source>Rows the import refused</source>
        <translation>导入被拒绝的行</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="457"/>
        <source>Close the list</source>
        <translation>关闭列表</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="476"/>
        <source>Records shown: %1</source>
        <translation>已显示 %1 条</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="478"/>
        <source>No processing records match.</source>
        <translation>没有符合条件的处理情况记录。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="479"/>
        <source>No processing records yet: add one or import a file.</source>
        <translation>尚无处理情况记录：请新增或导入文件。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="481"/>
        <source>%1 of %2 records shown (more load as you scroll)</source>
        <translation>已显示 %1 条，共 %2 条（向下滚动加载更多）</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="483"/>
        <source>Records: %1</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="490"/>
        <source>Select a record to see all its fields.</source>
        <translation>选择一条记录以查看全部字段。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="495"/>
        <source>Entered</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="497"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="540"/>
        <source>The start date is after the end date.</source>
        <translation>起始日期晚于截止日期。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="568"/>
        <source>Record added: %1 (%2).</source>
        <translation>已新增记录：%1（%2）。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="574"/>
        <source>Import processing records</source>
        <translation>导入处理情况记录</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="575"/>
        <source>Records (*.csv *.json);;CSV (*.csv);;JSON (*.json)</source>
        <translation>记录文件 (*.csv *.json);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="589"/>
        <source>Records imported from %2: %1 (one audit entry).</source>
        <translation>已从 %2 导入 %1 条记录（一条审计日志）。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="597"/>
        <source>Import cancelled: nothing was imported.</source>
        <translation>导入已取消：未导入任何记录。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="601"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="606"/>
        <source>Import refused and nothing was imported. Rows with problems: %2; problems: %1.</source>
        <translation>导入被拒绝，未导入任何记录。有问题的行：%2；问题：%1 项。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="617"/>
        <source>Export processing records as CSV</source>
        <translation>导出处理情况记录为 CSV</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="618"/>
        <source>Export processing records as JSON</source>
        <translation>导出处理情况记录为 JSON</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="619"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="619"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="634"/>
        <source>Records exported to %2: %1.</source>
        <translation>已导出 %1 条记录到 %2。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="641"/>
        <source>Export cancelled: no file was written.</source>
        <translation>导出已取消：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="643"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../reminders.py" line="99"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../reminders.py" line="100"/>
        <source>Reminders: re-assessments, filing deadlines, retention</source>
        <translation>提醒：重新评估、备案期限、保存期限</translation>
    </message>
    <message>
        <location filename="../reminders.py" line="132"/>
        <source>Cannot read the reminders: %1</source>
        <translation>无法读取提醒：%1</translation>
    </message>
    <message>
        <location filename="../reminders.py" line="135"/>
        <source>Looking for what is due…</source>
        <translation>正在查找到期事项…</translation>
    </message>
    <message>
        <location filename="../reminders.py" line="137"/>
        <source>Nothing due: no re-assessment, filing deadline or end of retention is near.</source>
        <translation>暂无到期事项：近期没有重新评估、备案期限或保存期限届满。</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <location filename="../archive_models.py" line="543"/>
        <source>unsigned</source>
        <translation>未签署</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="544"/>
        <source>assessor</source>
        <translation>评估人</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="544"/>
        <source>DPO</source>
        <translation>个人信息保护负责人</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="571"/>
        <source>Report ID</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="572"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="573"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="574"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="575"/>
        <source>Archived</source>
        <translation>归档时间</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="576"/>
        <source>Keep until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="577"/>
        <source>Signers</source>
        <translation>签署人</translation>
    </message>
    <message>
        <location filename="../archive_models.py" line="597"/>
        <source>(ended)</source>
        <translation>（已届满）</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../reports_view.py" line="136"/>
        <source>Filter by report ID, assessment, signer…</source>
        <translation>按报告编号、评估、签署人筛选…</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="137"/>
        <source>Filter reports</source>
        <translation>筛选报告</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="138"/>
        <source>&amp;Open in the preview</source>
        <translation>在预览中打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="139"/>
        <source>&amp;Save a copy…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="140"/>
        <source>&amp;Keep longer…</source>
        <translation>延长保存(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="141"/>
        <source>&amp;Purge expired…</source>
        <translation>清理已届满(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="142"/>
        <source>Lists what is past its retain-until date and asks before deleting</source>
        <translation>列出超过保存期限的内容，删除前先确认</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="143"/>
        <source>Archived reports</source>
        <translation>已归档报告</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="144"/>
        <source>The selected report&apos;s details and signatures</source>
        <translation>所选报告的详情和签名</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="161"/>
        <source>Cannot read the archived reports</source>
        <translation>无法读取已归档报告</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="175"/>
        <source>No report is archived yet: a report is archived when it is signed.</source>
        <translation>尚无归档报告：报告在签署时归档。</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="198"/>
        <source>Report ID</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="199"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="200"/>
        <source>Archived</source>
        <translation>归档时间</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="201"/>
        <source>Kept until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="202"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="202"/>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="204"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="204"/>
        <source>none (not signed)</source>
        <translation>无（未签署）</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="208"/>
        <source>self-signed</source>
        <translation>自签名</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="208"/>
        <source>CA-issued</source>
        <translation>CA 签发</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="210"/>
        <source>certificate %1, %2</source>
        <translation>证书 %1，%2</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="227"/>
        <source>Save a copy of the report</source>
        <translation>另存报告副本</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="228"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="239"/>
        <source>Saved a copy to %1</source>
        <translation>已将副本保存到 %1</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="240"/>
        <source>Cannot save the copy</source>
        <translation>无法保存副本</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="250"/>
        <source>Keep the report longer</source>
        <translation>延长报告保存期限</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="252"/>
        <source>Keep &amp;until:</source>
        <translation>保存至(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="253"/>
        <source>Now kept until %1. The date can only move later: at least three years after the report (PIPL Art. 56).</source>
        <translation>目前保存至 %1。日期只能延后：至少为报告后三年（《个人信息保护法》第五十六条）。</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="258"/>
        <source>Report %1 is now kept until %2.</source>
        <translation>报告 %1 现保存至 %2。</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="267"/>
        <location filename="../reports_view.py" line="280"/>
        <source>Cannot purge</source>
        <translation>无法清理</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="273"/>
        <source>Nothing to purge: no report or record is past its retain-until date.</source>
        <translation>无需清理：没有报告或记录超过保存期限。</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="277"/>
        <source>Purge cancelled: nothing was deleted.</source>
        <translation>清理已取消：未删除任何内容。</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="283"/>
        <source>Purged. Reports: %1; processing records: %2 (recorded in the audit log).</source>
        <translation>已清理：报告 %1 份，处理情况记录 %2 条（已记入审计日志）。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../review_page.py" line="388"/>
        <source>The decision asked for</source>
        <translation>请求审批的结论</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="389"/>
        <source>Conditions to meet first:</source>
        <translation>实施前必须满足的条件：</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="390"/>
        <source>Reasons:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="391"/>
        <source>Conditions to meet first</source>
        <translation>实施前必须满足的条件</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="392"/>
        <source>Reasons for the decision</source>
        <translation>结论的理由</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="393"/>
        <source>Go to the conclusion</source>
        <translation>转到评估结论</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="394"/>
        <source>Go to the question of the conclusion</source>
        <translation>转到评估结论的问题</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="395"/>
        <source>The seven risks</source>
        <translation>七类风险</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="396"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="396"/>
        <source>Inherent (before measures)</source>
        <translation>固有风险（采取措施前）</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="397"/>
        <source>Current (measures in place)</source>
        <translation>当前剩余风险（已落实措施）</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="398"/>
        <source>Target (after the action plan)</source>
        <translation>目标风险（整改计划完成后）</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="399"/>
        <source>Risk levels: inherent, current and target</source>
        <translation>风险等级：固有、当前剩余和目标</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="400"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="400"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="400"/>
        <source>Risks addressed</source>
        <translation>针对的风险</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="401"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="401"/>
        <source>Treatment</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="401"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="402"/>
        <source>Due date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="403"/>
        <source>Action plan: measures with owners and due dates</source>
        <translation>整改计划：措施及其责任人和完成期限</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="404"/>
        <source>Go to the action plan</source>
        <translation>转到整改计划</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="405"/>
        <source>Go to the question of the action plan</source>
        <translation>转到整改计划的问题</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="406"/>
        <source>Required questions not answered; press Enter to go to one</source>
        <translation>尚未回答的必答问题；按回车键转到该问题</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="407"/>
        <source>Consistency warnings; press Enter to go to the question</source>
        <translation>一致性提示；按回车键转到相关问题</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="408"/>
        <location filename="../review_page.py" line="628"/>
        <source>Before approval</source>
        <translation>审批前</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="409"/>
        <source>What must be done before approval; press Enter to go there</source>
        <translation>审批前必须完成的事项；按回车键转到该处</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="410"/>
        <source>Approve…</source>
        <translation>审批…</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="411"/>
        <source>Approve the assessment</source>
        <translation>审批本评估</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="412"/>
        <location filename="../review_page.py" line="423"/>
        <source>Review before approval</source>
        <translation>审批前复核</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="424"/>
        <source>Nothing to review yet.</source>
        <translation>尚无可复核的内容。</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="430"/>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="431"/>
        <source>Action plan</source>
        <translation>整改计划</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="432"/>
        <source>Required questions not answered</source>
        <translation>尚未回答的必答问题</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="433"/>
        <source>Consistency warnings</source>
        <translation>一致性提示</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="435"/>
        <source>Open an assessment to review it.</source>
        <translation>请先打开一项评估再复核。</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="439"/>
        <source>Review before approval: %1</source>
        <translation>审批前复核：%1</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="455"/>
        <source>Overall risk: inherent %1 → current %2 → target %3</source>
        <translation>整体风险：固有 %1 → 当前剩余 %2 → 目标 %3</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="459"/>
        <source>Findings: </source>
        <translation>评估发现：</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="461"/>
        <source>The FRT Measures do not apply: </source>
        <translation>《人脸识别技术应用安全管理办法》不适用：</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="469"/>
        <source>(The assessment gives no conclusion yet.)</source>
        <translation>（评估尚未作出结论。）</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="484"/>
        <source>Issues (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="489"/>
        <source>No issue calls for anything: no prohibited finding, no gap, no advisory.</source>
        <translation>没有需要处理的问题：没有“禁止”“不合规”或“建议”类发现。</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="496"/>
        <source> — unacceptable</source>
        <translation> — 不可接受</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="523"/>
        <source>Overall (the highest of the seven)</source>
        <translation>整体（七类风险中的最高等级）</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="534"/>
        <source>A current risk of %1 or above is unacceptable. Press Enter on a risk to open its rating.</source>
        <translation>当前剩余风险为“%1”及以上的不可接受。在某项风险上按回车键可打开其评定。</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="541"/>
        <source>Action plan (%1 measures)</source>
        <translation>整改计划（%1 项措施）</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="546"/>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="557"/>
        <source>The assessment lists no measures.</source>
        <translation>评估没有列出措施。</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="591"/>
        <source>Required questions not answered (%1)</source>
        <translation>尚未回答的必答问题（%1）</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="592"/>
        <source>Every required question is answered.</source>
        <translation>所有必答问题均已回答。</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="605"/>
        <source>Note: </source>
        <translation>注意：</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="608"/>
        <source>Consistency warnings (%1)</source>
        <translation>一致性提示（%1）</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="609"/>
        <source>No answers contradict each other.</source>
        <translation>回答之间没有矛盾。</translation>
    </message>
    <message numerus="yes">
        <location filename="../review_page.py" line="623"/>
        <source>Before approval: %n thing(s) required are missing</source>
        <translation>
            <numerusform>审批前：尚缺 %n 项必需内容</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../review_page.py" line="625"/>
        <source>Approval is possible once these are done. Press Enter on one to go there.</source>
        <translation>完成这些事项后即可审批。在某一项上按回车键可转到该处。</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="629"/>
        <source>Nothing required is missing: the officer can record the approval.</source>
        <translation>必需内容均已齐备：个人信息保护负责人可以记录审批意见。</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="631"/>
        <source>The officer&apos;s approval is recorded: the report can be signed and archived (Sign and archive…). Approve… changes the approval.</source>
        <translation>个人信息保护负责人的审批意见已记录：可以签署并归档报告（“签署并归档…”）。如需修改审批意见，请点“审批…”。</translation>
    </message>
    <message>
        <location filename="../review_page.py" line="634"/>
        <source>This version is approved and kept as a record: to change it, start a new version.</source>
        <translation>此版本已审批，作为记录保存；如需修改，请新建版本。</translation>
    </message>
</context>
<context>
    <name>RiskEditor</name>
    <message>
        <location filename="../risk_view.py" line="766"/>
        <source>The seven risks, with their current level</source>
        <translation>七类风险及其当前等级</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="768"/>
        <source>%1 (the measures that make the current and target levels)</source>
        <translation>%1（决定当前和目标等级的措施）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="772"/>
        <source>Stages of the risk</source>
        <translation>风险评定阶段</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="870"/>
        <source>same as current (%1)</source>
        <translation>同当前（%1）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="879"/>
        <source>An adjustment still needs its reason.</source>
        <translation>有修正尚未填写理由。</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="883"/>
        <source>Inherent</source>
        <translation>固有</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="883"/>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="883"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="887"/>
        <source>cannot be scored</source>
        <translation>无法评分</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="898"/>
        <source>Current: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="899"/>
        <source>%1 — current risk level: %2</source>
        <translation>%1——当前风险等级：%2</translation>
    </message>
</context>
<context>
    <name>RowsDelegate</name>
    <message>
        <location filename="../editors.py" line="1211"/>
        <source>No answer</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1227"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <location filename="../editors.py" line="1463"/>
        <source>Rows: {count}</source>
        <translation>行数：{count}</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1465"/>
        <source>at least {minimum} needed</source>
        <translation>至少需要 {minimum} 行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1468"/>
        <source>rows with empty required cells (marked !): {count}</source>
        <translation>必填单元格为空的行（标有 !）：{count}</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1470"/>
        <source>* required</source>
        <translation>* 必填</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1480"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1480"/>
        <source>Add a row at the end of the table</source>
        <translation>在表格末尾添加一行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1481"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1481"/>
        <source>Remove the current row</source>
        <translation>删除当前行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1482"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1482"/>
        <source>Move the current row up</source>
        <translation>将当前行上移</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1483"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1483"/>
        <source>Move the current row down</source>
        <translation>将当前行下移</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1489"/>
        <source>Arrow keys move between cells; Enter or F2 edits a cell, Delete empties it; Tab leaves the table</source>
        <translation>方向键在单元格之间移动；Enter 或 F2 编辑单元格，Delete 清空单元格；Tab 离开表格</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../editors.py" line="1037"/>
        <location filename="../editors.py" line="1078"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1042"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1051"/>
        <source>Row {number}</source>
        <translation>第 {number} 行</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1053"/>
        <source>Row {number}: required cells are empty: {names}</source>
        <translation>第 {number} 行：以下必填单元格为空：{names}</translation>
    </message>
    <message>
        <location filename="../editors.py" line="1073"/>
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
    <name>SignDialog</name>
    <message>
        <location filename="../sign_dialog.py" line="219"/>
        <source>Sign the report</source>
        <translation>签署报告</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="221"/>
        <source>Sign and archive the report: %1</source>
        <translation>签署并归档报告：%1</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="222"/>
        <source>Assessment to sign</source>
        <translation>待签署的评估</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="223"/>
        <source>The lead &amp;assessor signs first</source>
        <translation>评估负责人先签署(&amp;A)</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="224"/>
        <source>Lead assessor (signs first)</source>
        <translation>评估负责人（先签署）</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="224"/>
        <source>lead assessor</source>
        <translation>评估负责人</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="225"/>
        <source>PI protection officer (signs the approval)</source>
        <translation>个人信息保护负责人（签署审批）</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="225"/>
        <location filename="../sign_dialog.py" line="396"/>
        <source>PI protection officer</source>
        <translation>个人信息保护负责人</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="226"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="227"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="228"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="229"/>
        <source>Report &amp;language:</source>
        <translation>报告语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="230"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="231"/>
        <source>Save &amp;to:</source>
        <translation>保存到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="232"/>
        <source>Where to save the signed report</source>
        <translation>已签署报告的保存位置</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="233"/>
        <source>Choose where to save the signed PDF (outside the data folder)</source>
        <translation>选择已签署 PDF 的保存位置（不能在数据文件夹内）</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="234"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="235"/>
        <location filename="../sign_dialog.py" line="304"/>
        <source>Choose where to save the signed report</source>
        <translation>选择已签署报告的保存位置</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="236"/>
        <source>Progress of signing</source>
        <translation>签署进度</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="237"/>
        <source>&amp;Sign</source>
        <translation>签署(&amp;S)</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="238"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="239"/>
        <source>Stop: nothing is written and nothing is archived</source>
        <translation>停止：不写入任何文件，档案不改动</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="240"/>
        <source>&amp;Open the report</source>
        <translation>打开报告(&amp;O)</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="241"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="280"/>
        <source>Checking the approval…</source>
        <translation>正在检查审批…</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="283"/>
        <source>✗ The approval is not complete; the report cannot be signed yet:</source>
        <translation>✗ 审批尚未完成，报告暂不能签署：</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="292"/>
        <source>✓ Approved: %1</source>
        <translation>✓ 已审批：%1</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="319"/>
        <source>Save the signed report</source>
        <translation>保存已签署的报告</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="320"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="337"/>
        <source>Enter the passphrase</source>
        <translation>请输入口令</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="350"/>
        <source>Opening the keys…</source>
        <translation>正在打开密钥…</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="371"/>
        <location filename="../sign_dialog.py" line="378"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="390"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="396"/>
        <source>Lead assessor</source>
        <translation>评估负责人</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="398"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="399"/>
        <source> (self-signed)</source>
        <translation>（自签名）</translation>
    </message>
    <message numerus="yes">
        <location filename="../sign_dialog.py" line="400"/>
        <source>✓ Signed and archived. Report %1, %n page(s), saved to %2</source>
        <translation>
            <numerusform>✓ 已签署并归档。报告 %1，共 %n 页，已保存到 %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="401"/>
        <source>Signed by:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="404"/>
        <source>Notes:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="417"/>
        <source>Cancelled: nothing was written and nothing was archived</source>
        <translation>已取消：未写入任何文件，档案未改动</translation>
    </message>
</context>
<context>
    <name>SignerBox</name>
    <message>
        <location filename="../sign_dialog.py" line="80"/>
        <source>Key file:</source>
        <translation>密钥文件：</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="81"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="82"/>
        <source>Key file of the %1</source>
        <translation>%1的密钥文件</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="83"/>
        <source>Passphrase of the %1</source>
        <translation>%1的口令</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="84"/>
        <source>Asked each time, never stored</source>
        <translation>每次使用时输入，从不保存</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="85"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="86"/>
        <source>Choose the key file of the %1</source>
        <translation>选择%1的密钥文件</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="89"/>
        <source>Choose a key file</source>
        <translation>选择密钥文件</translation>
    </message>
    <message>
        <location filename="../sign_dialog.py" line="90"/>
        <source>Key files (*.p12 *.pfx);;All files (*)</source>
        <translation>密钥文件 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SingleComboEditor</name>
    <message>
        <location filename="../editors.py" line="576"/>
        <location filename="../editors.py" line="617"/>
        <source>No answer</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../editors.py" line="618"/>
        <source>Choose one answer; the first entry (—) means no answer</source>
        <translation>请选择一项；第一项（—）表示不作答</translation>
    </message>
</context>
<context>
    <name>SingleRadioEditor</name>
    <message>
        <location filename="../editors.py" line="547"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../editors.py" line="548"/>
        <source>Clear the answer (Delete)</source>
        <translation>清除回答（Delete）</translation>
    </message>
    <message>
        <location filename="../editors.py" line="549"/>
        <source>Clear the answer</source>
        <translation>清除回答</translation>
    </message>
</context>
<context>
    <name>StagePanel</name>
    <message>
        <location filename="../risk_view.py" line="432"/>
        <source>Computed result</source>
        <translation>计算结果</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="439"/>
        <source>Cannot be scored: %1</source>
        <translation>无法评分：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="441"/>
        <source>Not rated yet.</source>
        <translation>尚未评定。</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="443"/>
        <location filename="../risk_view.py" line="448"/>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="445"/>
        <location filename="../risk_view.py" line="450"/>
        <source>(before adjustments: %1)</source>
        <translation>（修正前：%1）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="459"/>
        <source>Same as the current risk.</source>
        <translation>同当前剩余风险。</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="461"/>
        <source>Still missing: %1</source>
        <translation>尚缺：%1</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="466"/>
        <source>Impact on individual rights</source>
        <translation>个人权益影响程度</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="467"/>
        <source>Likelihood of a security incident</source>
        <translation>安全事件发生可能性</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="471"/>
        <source>Adjustments (each needs a written reason)</source>
        <translation>修正（每项须写明理由）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="473"/>
        <source>Same as the current risk (no planned measure changes this risk)</source>
        <translation>同当前剩余风险（没有计划措施改变此风险）</translation>
    </message>
    <message>
        <location filename="../risk_view.py" line="474"/>
        <source>Target risk is the same as the current risk</source>
        <translation>目标风险与当前剩余风险相同</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <location filename="../editors.py" line="952"/>
        <source>{count} / {minimum} characters</source>
        <translation>{count} / {minimum} 字</translation>
    </message>
    <message>
        <location filename="../editors.py" line="954"/>
        <source>(fewer than suggested)</source>
        <translation>（少于建议字数）</translation>
    </message>
    <message>
        <location filename="../editors.py" line="956"/>
        <source>{count} characters</source>
        <translation>{count} 字</translation>
    </message>
    <message>
        <location filename="../editors.py" line="965"/>
        <source>A substantive answer has at least {minimum} characters</source>
        <translation>实质性回答应不少于 {minimum} 字</translation>
    </message>
</context>
<context>
    <name>VerifyView</name>
    <message>
        <location filename="../verify_view.py" line="189"/>
        <source>Verify a report</source>
        <translation>核验报告</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="190"/>
        <source>&amp;Open a report PDF…</source>
        <translation>打开报告 PDF(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="191"/>
        <source>Choose a report PDF to verify (Ctrl+O), or drop one on this window</source>
        <translation>选择要核验的报告 PDF（Ctrl+O），或将文件拖放到此窗口</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="192"/>
        <source>Verify &amp;again</source>
        <translation>重新核验(&amp;A)</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="193"/>
        <source>Open in &amp;preview</source>
        <translation>在预览中打开(&amp;P)</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="194"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="195"/>
        <source>Verification progress</source>
        <translation>核验进度</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="196"/>
        <source>Verification result</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="197"/>
        <source>Drop a report PDF here, or open one, to check its signatures, its embedded data, its PDF/A claim and whether the archive holds this exact file.</source>
        <translation>将报告 PDF 拖放到此处或打开一个文件，核验其签名、内嵌数据、PDF/A 声明，以及档案中是否存有完全相同的文件。</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="210"/>
        <source>Verify a report PDF</source>
        <translation>核验报告 PDF</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="211"/>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF 文件 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="268"/>
        <location filename="../verify_view.py" line="310"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="292"/>
        <source>%1 cannot be checked: it is not a readable PDF (%2).</source>
        <translation>无法核验 %1：不是可读取的 PDF（%2）。</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="339"/>
        <location filename="../verify_view.py" line="423"/>
        <source>not stated</source>
        <translation>未载明</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="341"/>
        <source>(as stated by the signer; no trusted timestamp)</source>
        <translation>（签署人自行声明的时间，无可信时间戳）</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="351"/>
        <source>Verified: every signature is valid, the embedded data matches what was signed, and the archive holds this exact file.</source>
        <translation>核验通过：所有签名有效，内嵌数据与签署内容一致，档案中存有完全相同的文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../verify_view.py" line="355"/>
        <source>Not verified: %n problem(s) found.</source>
        <translation>
            <numerusform>核验未通过：发现 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="360"/>
        <source>What is wrong</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="366"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="367"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="368"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="369"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message numerus="yes">
        <location filename="../verify_view.py" line="369"/>
        <source>%1 bytes, %n revision(s)</source>
        <translation>
            <numerusform>%1 字节，%n 个修订版本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="375"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="376"/>
        <location filename="../verify_view.py" line="421"/>
        <location filename="../verify_view.py" line="501"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="376"/>
        <source>Not signed: the file holds no signature.</source>
        <translation>未签署：文件中没有签名。</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="384"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="386"/>
        <location filename="../verify_view.py" line="388"/>
        <source>PDF/A</source>
        <translation>PDF/A</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="386"/>
        <source>PDF/A claimed: %1</source>
        <translation>声明符合 %1</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="388"/>
        <source>No PDF/A claim in the document&apos;s metadata</source>
        <translation>文档元数据中没有 PDF/A 声明</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="390"/>
        <location filename="../verify_view.py" line="393"/>
        <location filename="../verify_view.py" line="459"/>
        <source>Embedded data</source>
        <translation>内嵌数据</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="390"/>
        <source>%1 embedded, SHA-256 %2</source>
        <translation>内嵌 %1，SHA-256 %2</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="393"/>
        <source>No embedded assessment data</source>
        <translation>没有内嵌的评估数据</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="395"/>
        <source>Trusted certificates</source>
        <translation>受信任的证书</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="411"/>
        <source>Signature %1 of %2</source>
        <translation>签名 %1 / %2</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="414"/>
        <source>Modified after signing: the signed bytes were changed</source>
        <translation>签署后被修改：已签署的内容被更改</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="416"/>
        <source>Invalid: the signature does not verify with its certificate</source>
        <translation>无效：签名无法用其证书验证</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="418"/>
        <source>Modified after signing: the file was changed after this signature</source>
        <translation>签署后被修改：此签名之后文件被更改</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="420"/>
        <source>Valid: the signed bytes are unchanged and the signature verifies</source>
        <translation>有效：已签署的内容未被更改，签名验证通过</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="422"/>
        <source>Signer</source>
        <translation>签署人</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="423"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="424"/>
        <source>Signing time</source>
        <translation>签署时间</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="426"/>
        <source>covers the whole file</source>
        <translation>覆盖整个文件</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="428"/>
        <source>only signatures or archival data were added after it (allowed)</source>
        <translation>此后只添加了签名或归档数据（允许）</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="430"/>
        <source>changes after it: %1</source>
        <translation>此后的更改：%1</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="432"/>
        <source>does not cover the whole file</source>
        <translation>未覆盖整个文件</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="433"/>
        <source>Coverage</source>
        <translation>覆盖范围</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="435"/>
        <source>self-signed</source>
        <translation>自签名</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="435"/>
        <source>issued by a certificate authority</source>
        <translation>由证书颁发机构签发</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="436"/>
        <location filename="../verify_view.py" line="496"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="437"/>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="437"/>
        <location filename="../verify_view.py" line="527"/>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256 指纹：%1</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="440"/>
        <source>Trusted: a certificate you trust</source>
        <translation>受信任：您信任的证书</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="442"/>
        <source>Untrusted self-signed: not a certificate you trust</source>
        <translation>不受信任的自签名证书：不是您信任的证书</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="443"/>
        <source>Untrusted: it does not chain to a certificate you trust</source>
        <translation>不受信任：无法链接到您信任的证书</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="445"/>
        <source>Untrusted self-signed: you trust no certificate yet, so trust is not checked</source>
        <translation>不受信任的自签名证书：您尚未信任任何证书，因此未检查信任</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="448"/>
        <source>Not checked: you trust no certificate yet</source>
        <translation>未检查：您尚未信任任何证书</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="449"/>
        <source>Trust</source>
        <translation>信任</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="452"/>
        <source>Matches the embedded assessment data</source>
        <translation>与内嵌的评估数据一致</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="454"/>
        <source>Does not match the embedded assessment data: the data was changed</source>
        <translation>与内嵌的评估数据不一致：数据已被更改</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="456"/>
        <source>The signature states no hash of the assessment data</source>
        <translation>签名未载明评估数据的哈希值</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="458"/>
        <source>No embedded assessment data to compare with</source>
        <translation>没有可比对的内嵌评估数据</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="461"/>
        <source>Report ID</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="463"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="466"/>
        <source>Trust this certificate…</source>
        <translation>信任此证书…</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="467"/>
        <source>Trust the certificate of %1</source>
        <translation>信任 %1 的证书</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="481"/>
        <source>In the archive: the archive holds these exact bytes</source>
        <translation>在档案中：档案存有完全相同的文件</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="483"/>
        <source>Not in the archive: the archive in %1 does not hold this file</source>
        <translation>不在档案中：%1 中的档案没有此文件</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="486"/>
        <source>Not the archived copy: the archive holds this report with different bytes</source>
        <translation>不是存档副本：档案中的该报告内容不同</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="488"/>
        <source>Not in the archive: there is no archive in %1</source>
        <translation>不在档案中：%1 中没有档案</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="490"/>
        <source>The archive was not checked</source>
        <translation>未与档案比对</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="491"/>
        <source>The archive could not be checked: %1</source>
        <translation>无法与档案比对：%1</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="494"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="494"/>
        <source>in review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="494"/>
        <source>approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="495"/>
        <source>rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="495"/>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="499"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="503"/>
        <source>assessment %1, version %2 (%3)</source>
        <translation>评估 %1，第 %2 版（%3）</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="505"/>
        <source>assessment version unknown</source>
        <translation>评估版本未知</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="507"/>
        <source>archived %1 by %2; kept until %3</source>
        <translation>%1 由 %2 存档；保存至 %3</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="511"/>
        <source>signed by %1</source>
        <translation>签署人：%1</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="512"/>
        <source>%1 (archive #%2)</source>
        <translation>%1（档案 #%2）</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="513"/>
        <source>Archived report</source>
        <translation>存档报告</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="521"/>
        <source>Trust this certificate?</source>
        <translation>信任此证书？</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="523"/>
        <source>Trust the certificate of %1?</source>
        <translation>信任 %1 的证书？</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="526"/>
        <source>Subject: %1</source>
        <translation>主体：%1</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="529"/>
        <source>Compare this fingerprint with the one the signer gives you in person or by phone. Once trusted, every report this certificate signs is shown as trusted.</source>
        <translation>请当面或通过电话与签署人提供的指纹核对。信任后，此证书签署的每份报告都将显示为受信任。</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="532"/>
        <source>The certificate is self-signed: nobody but its holder vouches for it.</source>
        <translation>此证书为自签名证书：除持有人外无人为其担保。</translation>
    </message>
    <message>
        <location filename="../verify_view.py" line="557"/>
        <source>Cannot trust the certificate</source>
        <translation>无法信任该证书</translation>
    </message>
</context>
<context>
    <name>VersionsView</name>
    <message>
        <location filename="../versions_view.py" line="167"/>
        <location filename="../versions_view.py" line="211"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="169"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="169"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="169"/>
        <source>Why it was started</source>
        <translation>创建原因</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="169"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="170"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="170"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="170"/>
        <source>Decided</source>
        <translation>审批决定</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="170"/>
        <source>Decision note</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="171"/>
        <source>Content (SHA-256)</source>
        <translation>内容（SHA-256）</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="172"/>
        <source>Versions of the assessment; select two to compare them</source>
        <translation>评估的各个版本；选择两个版本进行比较</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="173"/>
        <source>Select two versions (click them, or press Space on each) and press Compare to see what changed between them.</source>
        <translation>选择两个版本（点击，或在每个版本上按空格键），然后点击“比较”查看两者之间的变化。</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="175"/>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="176"/>
        <source>Compare the two selected versions</source>
        <translation>比较所选的两个版本</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="177"/>
        <source>&amp;New version…</source>
        <translation>新版本(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="178"/>
        <source>Start a new version of the approved assessment</source>
        <translation>基于已批准的评估创建新版本</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="179"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="196"/>
        <source>first version</source>
        <translation>第一版</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="200"/>
        <source> (from version %1)</source>
        <translation>（基于第 %1 版）</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="201"/>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../versions_view.py" line="211"/>
        <source>Versions of %1</source>
        <translation>%1 的各个版本</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <location filename="../workspace.py" line="241"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="251"/>
        <source>Cannot open the assessment</source>
        <translation>无法打开评估</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="262"/>
        <source>%1 unsaved answer(s) recovered from the last session</source>
        <translation>已恢复上次会话中未保存的 %1 条回答</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="294"/>
        <source>Risk grid (GB/T 39335)</source>
        <translation>风险评定（GB/T 39335）</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="558"/>
        <source>Risk grid: rate each of the seven risks before measures (inherent), with the measures in place (current) and after the action plan (target).</source>
        <translation>风险评定：对七类风险分别评定采取措施前的等级（固有风险）、现有措施下的等级（当前剩余风险）和整改计划完成后的等级（目标风险）。</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="639"/>
        <source>All answers kept</source>
        <translation>所有回答均已保存</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="643"/>
        <source>An answer could not be kept</source>
        <translation>有回答未能保存</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="699"/>
        <source>Cannot evaluate yet: %1</source>
        <translation>暂时无法评估：%1</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="380"/>
        <location filename="../workspace.py" line="723"/>
        <source>Required: answer this question.</source>
        <translation>必答：请回答此问题。</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="297"/>
        <source>Review and approve</source>
        <translation>审阅与审批</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="463"/>
        <source>Approval recorded: the report can be signed</source>
        <translation>审批意见已记录：可以签署报告</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="479"/>
        <location filename="../workspace.py" line="742"/>
        <source>Cannot save to the archive</source>
        <translation>无法保存到档案库</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="500"/>
        <location filename="../workspace.py" line="846"/>
        <source>Report preview: %1</source>
        <translation>报告预览：%1</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="531"/>
        <source>Version %1 was superseded by a later version: it is kept as a record and cannot change.</source>
        <translation>第 %1 版已被更新的版本取代：作为记录保存，不能修改。</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="533"/>
        <source>Version %1 is approved: it is kept as a record and cannot change. To edit, start a new version (the reason is recorded).</source>
        <translation>第 %1 版已审批：作为记录保存，不能修改。如需修改，请新建版本（将记录原因）。</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="536"/>
        <location filename="../workspace.py" line="848"/>
        <source>New version…</source>
        <translation>新建版本…</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="561"/>
        <source>Review: what the assessment concludes and what still stands in the way of the officer&apos;s approval. Each line leads to its question.</source>
        <translation>审阅：评估的结论，以及个人信息保护负责人审批前尚待解决的事项。点击各行可转到相应问题。</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="745"/>
        <source>Saved to the archive</source>
        <translation>已保存到档案库</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="828"/>
        <source>No question matches “%1”</source>
        <translation>没有与“%1”匹配的问题</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="832"/>
        <source>Assessment: %1</source>
        <translation>评估：%1</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="833"/>
        <source>← Back</source>
        <translation>← 上一部分</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="834"/>
        <source>Next →</source>
        <translation>下一部分 →</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="835"/>
        <source>Previous section (Ctrl+PgUp)</source>
        <translation>上一部分（Ctrl+PgUp）</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="836"/>
        <source>Next section (Ctrl+PgDown)</source>
        <translation>下一部分（Ctrl+PgDown）</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="837"/>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="838"/>
        <source>What the assessment concludes and what stands in the way of approval</source>
        <translation>评估的结论以及审批前尚待解决的事项</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="839"/>
        <source>&amp;Approve…</source>
        <translation>审批(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="840"/>
        <source>The officer&apos;s approval: attestations, decision and reasons</source>
        <translation>个人信息保护负责人的审批：确认事项、决定和理由</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="841"/>
        <source>Si&amp;gn and archive…</source>
        <translation>签署并归档(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="842"/>
        <source>&amp;Preview report</source>
        <translation>预览报告(&amp;P)</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="843"/>
        <source>The report&apos;s first pages (cover to the findings) as the answers stand now (Ctrl+Shift+P); the window stays free while it renders</source>
        <translation>按当前回答生成报告的前几页（封面至发现）（Ctrl+Shift+P）；生成期间窗口仍可操作</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="847"/>
        <source>Render the report, sign it (assessor, then officer) and archive it</source>
        <translation>生成报告、签署（先评估负责人，后个人信息保护负责人）并归档</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="850"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="851"/>
        <source>Save to the archive (Ctrl+S); answers are kept as you give them</source>
        <translation>保存到档案库（Ctrl+S）；回答在填写时即已自动保留</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="852"/>
        <source>Find a question (Ctrl+F)</source>
        <translation>查找问题（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="853"/>
        <source>Find a question</source>
        <translation>查找问题</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="854"/>
        <source>Sections</source>
        <translation>评估部分</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../editors.py" line="534"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../editors.py" line="535"/>
        <source>Clear the answer (Delete)</source>
        <translation>清除回答（Delete）</translation>
    </message>
    <message>
        <location filename="../editors.py" line="536"/>
        <source>Clear the answer</source>
        <translation>清除回答</translation>
    </message>
</context>
</TS>
