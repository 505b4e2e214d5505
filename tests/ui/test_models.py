"""The home window's model over the services' assessment list, without any window."""

from PySide6.QtCore import QSortFilterProxyModel, Qt

from pia_wizard.services.assessments import AssessmentSummary
from pia_wizard.ui.models import ID_ROLE, SORT_ROLE, AssessmentListModel


def summary(n: int, **kw) -> AssessmentSummary:
    base = dict(assessment_id=f"id-{n}", title=f"评估{n}", processor="锦程酒店管理（上海）有限公司",
                system=f"系统{n}", version_id=n, version=n, state="draft", updated_at=f"2026-11-2{n}T08:00:00.000Z",
                counts={"prohibited": 0, "gap": n, "advisory": 1}, overall_inherent="high", overall_current="medium",
                overall_target="low", unanswered=0)
    base.update(kw)
    return AssessmentSummary(**base)


def test_rows_columns_and_labels_in_both_languages(qapp):
    """Headers and states come through Qt's translations (as in the app); the risk level through the core."""
    from pia_wizard.ui.i18n import Translations

    translations = Translations(qapp)
    translations.use("zh")
    m = AssessmentListModel("zh")
    m.set_rows([summary(1), summary(2, state="approved", overall_current="severe")])
    assert (m.rowCount(), m.columnCount()) == (2, len(AssessmentListModel.COLUMNS))
    col = AssessmentListModel.COLUMNS.index
    assert m.data(m.index(1, col("state"))) == "已批准"
    assert m.data(m.index(1, col("risk"))) == "严重"
    assert m.data(m.index(0, col("findings"))) == "0 / 1 / 1"
    assert m.data(m.index(0, col("version"))) == "v1"
    assert m.data(m.index(0, 0), ID_ROLE) == "id-1"
    assert m.headerData(col("state"), Qt.Orientation.Horizontal) == "状态"
    translations.use("en")
    m.set_language("en")
    assert m.data(m.index(1, col("state"))) == "Approved"
    assert m.headerData(col("state"), Qt.Orientation.Horizontal) == "State"


def test_unrated_risk_and_never_evaluated_counts_read_as_words():
    m = AssessmentListModel("en")
    m.set_rows([summary(1, overall_current=None, counts={})])
    col = AssessmentListModel.COLUMNS.index
    assert m.data(m.index(0, col("risk"))) == "incomplete"
    assert m.data(m.index(0, col("findings"))) == "—"


def test_sorting_by_risk_and_version_uses_their_order_not_their_words(qapp):
    m = AssessmentListModel("zh")
    m.set_rows([summary(1, overall_current="severe"), summary(2, overall_current="low"),
                summary(3, overall_current="medium")])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(m)
    proxy.setSortRole(SORT_ROLE)
    col = AssessmentListModel.COLUMNS.index("risk")
    proxy.sort(col, Qt.SortOrder.AscendingOrder)
    assert [proxy.data(proxy.index(r, col)) for r in range(3)] == ["低", "中", "严重"]
    proxy.setSourceModel(None)


def test_filtering_finds_chinese_text(qapp):
    m = AssessmentListModel("zh")
    m.set_rows([summary(1), summary(2, system="住宅小区门禁")])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(m)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterFixedString("小区")
    assert proxy.rowCount() == 1
    proxy.setSourceModel(None)


def test_the_last_change_is_shown_in_local_time_and_the_locale_format():
    m = AssessmentListModel("zh")
    m.set_rows([summary(1)])
    shown = m.data(m.index(0, AssessmentListModel.COLUMNS.index("updated")))
    assert shown.startswith("2026/11/2") and ":" in shown


def test_the_re_assessment_due_date_is_shown_and_sorts_by_date():
    m = AssessmentListModel("en")
    m.set_rows([summary(1, next_review="2027-11-20"), summary(2)])
    col = AssessmentListModel.COLUMNS.index("review")
    assert m.data(m.index(0, col)) == "11/20/2027"
    assert m.data(m.index(1, col)) == "—"
    assert m.data(m.index(0, col), SORT_ROLE) < m.data(m.index(1, col), SORT_ROLE)
