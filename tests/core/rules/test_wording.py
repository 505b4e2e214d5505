"""Issue 10 §1.10, wording defects: every case is built from a realistic example file and checked in zh and en."""

from datetime import date
from pathlib import Path

import pytest

from pia_wizard.cli import main
from pia_wizard.core.assessment import Assessment, parse
from pia_wizard.core.engine import evaluate
from pia_wizard.store.schema import MATERIAL_ITEMS

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
P = "锦程酒店管理（上海）有限公司"


def hotel(**answers):
    """examples/hotel-checkin.json with some answers changed ("a__b" is answer "a.b"; None removes it)."""
    data = parse((EXAMPLES / "hotel-checkin.json").read_bytes()).to_dict()
    for key, value in answers.items():
        data["answers"].pop(key.replace("__", "."), None)
        if value is not None:
            data["answers"][key.replace("__", ".")] = value
    return Assessment.from_dict(data)


def finding(assessment, obligation, today=date(2026, 11, 26)):
    found = [f for f in evaluate(assessment, today=today).findings if f.obligation == obligation]
    assert len(found) == 1, found
    return found[0]


# The hotel filed on time; these answers undo the filing so the clock is open.
NOT_FILED = {"filing__filed": "no", "filing__filed_on": None, "filing__number": None}


# --- filing clock ---------------------------------------------------------------------------------------------------

def test_estimate_note_is_not_prefixed_twice():
    # Reached 2026-12-10: the 30th working day falls in 2027, which has no official calendar yet.
    f = finding(hotel(filing__reached_on="2026-12-10", filing__count_date="2026-12-10", **NOT_FILED),
                "FILING-15-THRESHOLD", today=date(2026, 12, 20))
    assert f.verdict == "advisory"
    assert f.explanation.zh.count("估算") == 1 and "期限为估算：此日期为估算" not in f.explanation.zh
    assert "（此日期为估算：本软件没有2027年的官方放假安排" in f.explanation.zh
    assert f.explanation.en.count("estimate") == 1 and "an estimate: This date" not in f.explanation.en
    assert "(This date is an estimate: the app has no official holiday calendar for 2027" in f.explanation.en


def test_one_working_day_left_is_singular():
    # Reached 2026-09-20: due 2026-11-06, the deadline day itself is the last working day.
    f = finding(hotel(**NOT_FILED), "FILING-15-THRESHOLD", today=date(2026, 11, 6))
    assert f.verdict == "advisory"
    assert "1 working day left" in f.explanation.en and "1 working days" not in f.explanation.en
    assert "还剩1个工作日" in f.explanation.zh
    f = finding(hotel(**NOT_FILED), "FILING-15-THRESHOLD", today=date(2026, 11, 5))
    assert "2 working days left" in f.explanation.en and "还剩2个工作日" in f.explanation.zh


@pytest.mark.parametrize(("today", "en", "zh"), [
    (date(2026, 11, 7), "is 1 calendar day overdue as of 2026-11-07", "已逾期1个自然日仍未办理"),
    (date(2026, 11, 26), "is 20 calendar days overdue as of 2026-11-26", "已逾期20个自然日仍未办理"),
])
def test_overdue_says_calendar_days(today, en, zh):
    f = finding(hotel(**NOT_FILED), "FILING-15-THRESHOLD", today=today)
    assert f.verdict == "gap"
    assert en in f.explanation.en and zh in f.explanation.zh
    assert "逾期1天" not in f.explanation.zh and "逾期20天" not in f.explanation.zh


@pytest.mark.parametrize(("filed_on", "en", "zh"), [
    ("2026-11-07", "1 calendar day after the deadline of 2026-11-06", "逾期1个自然日。"),
    ("2026-11-09", "3 calendar days after the deadline of 2026-11-06", "逾期3个自然日。"),
])
def test_late_filing_says_calendar_days(filed_on, en, zh):
    f = finding(hotel(filing__filed_on=filed_on), "FILING-15-THRESHOLD")
    assert f.verdict == "advisory"
    assert en in f.explanation.en and zh in f.explanation.zh


def status(tmp_path, capsys, today, lang):
    code = main(["--data-dir", str(tmp_path), "filing", "status", "--processor", P, "--today", today, "--lang", lang])
    return code, capsys.readouterr().out


def test_filing_status_wording(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "filing", "count", "128460", "--on", "2026-09-20", "--processor", P]) == 0
    for item in MATERIAL_ITEMS[1:]:
        assert main(["--data-dir", str(tmp_path), "filing", "material", item, "--status", "ready",
                     "--processor", P]) == 0
    capsys.readouterr()

    code, out = status(tmp_path, capsys, "2026-11-06", "en")
    assert code == 0
    assert "due 2026-11-06 — due soon, 1 working day left" in out and "working days" not in out
    assert "Reminder: 1 filing material is not ready yet" in out
    code, out = status(tmp_path, capsys, "2026-11-06", "zh")
    assert "期限 2026-11-06 — 即将到期，还剩1个工作日" in out and "提醒：备案材料还有1项未备齐" in out

    code, out = status(tmp_path, capsys, "2026-11-07", "en")
    assert code == 1
    assert "overdue, 1 calendar day late  [!! OVERDUE]" in out
    assert "!! OVERDUE: filing overdue by 1 calendar day (due 2026-11-06)" in out
    code, out = status(tmp_path, capsys, "2026-11-07", "zh")
    assert "已逾期，逾期1个自然日  [!! 逾期]" in out and "!! 逾期：备案已逾期1个自然日（期限2026-11-06）" in out

    code, out = status(tmp_path, capsys, "2026-11-26", "en")
    assert "20 calendar days late" in out and "filing overdue by 20 calendar days (due 2026-11-06)" in out


def test_filing_status_estimate_is_marked_once(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "filing", "count", "120000", "--on", "2026-12-01", "--processor", P]) == 0
    capsys.readouterr()
    _, out = status(tmp_path, capsys, "2026-12-02", "en")
    assert out.count("estimate") == 1 and "due 2027-01-12 (estimate) — open" in out
    _, out = status(tmp_path, capsys, "2026-12-02", "zh")
    assert out.count("估算") == 1 and "期限 2027-01-12（估算） — 未到期" in out


# --- notice ---------------------------------------------------------------------------------------------------------

def test_notice_manner_has_no_capital_mid_sentence():
    f = finding(hotel(), "FRM-05-NOTICE-MANNER")
    assert f.verdict == "compliant"
    assert ("People are told prominently before capture (prominent signs at the collection area, a notice page on "
            "the device screen, staff explaining in person), in clear language") in f.explanation.en
    assert "（采集区域的显著标识、设备屏幕上的告知页、工作人员当面说明）" in f.explanation.zh
    f = finding(hotel(notice__channels=["app_page", "signage"]), "FRM-05-NOTICE-MANNER")
    assert "(a pop-up or dedicated page in the app or mini-program, prominent signs" in f.explanation.en


# --- PIPL Art. 16 ---------------------------------------------------------------------------------------------------

def test_pipl16_refusal_with_alternatives_starts_with_a_capital_and_claims_no_verification():
    f = finding(hotel(alternatives__refusal_consequences=["service_refused"]), "PIPL-16-NO-SERVICE-REFUSAL")
    assert f.verdict == "gap"
    assert f.explanation.en.startswith("People who do not consent to their facial information being processed "
                                       "cannot get the service, although processing facial information is not "
                                       "necessary to provide it: other ways are offered (staff check an identity "
                                       "document), so the service can be provided without face recognition.")
    assert f.explanation.zh == ("不同意处理人脸信息的人无法获得服务；而处理人脸信息并非提供该服务所必需：已有其他方式"
                                "（工作人员人工核验身份证件），不刷脸也能提供该服务。")
    assert "can verify identity" not in f.explanation.en and "同样可以核验身份" not in f.explanation.zh
    # Being let in by staff verifies nothing: the finding must not say it does.
    f = finding(hotel(alternatives__offered=["staff_manual"], alternatives__refusal_consequences=["service_refused"]),
                "PIPL-16-NO-SERVICE-REFUSAL")
    assert "other ways are offered (manual registration or being let in by staff), so the service can be provided " \
           "without face recognition." in f.explanation.en
    assert "已有其他方式（人工登记或人工放行），不刷脸也能提供该服务。" in f.explanation.zh
    assert "verif" not in f.explanation.en and "核验" not in f.explanation.zh


@pytest.mark.parametrize("conseq", [["service_refused"], ["nothing"]])
def test_pipl16_face_only_says_nothing_shows_necessity(conseq):
    a = hotel(alternatives__offered=["face_only"], alternatives__state_rule="no",
              alternatives__refusal_consequences=conseq)
    f = finding(a, "PIPL-16-NO-SERVICE-REFUSAL")
    assert f.verdict == "gap"
    assert f.explanation.en == ("Face recognition is the only way, so people who do not consent to their facial "
                                "information being processed cannot get the service; no State rule requiring face "
                                "recognition is named, so nothing shows that processing facial information is "
                                "necessary to provide it.")
    assert f.explanation.zh == ("只能刷脸，不同意处理人脸信息的人因此无法获得服务；没有写明要求使用人脸识别的国家规定，"
                                "无法说明处理人脸信息是提供该服务所必需的。")
    assert "verify" not in f.explanation.en and "核验" not in f.explanation.zh


# --- Measures Art. 11 -----------------------------------------------------------------------------------------------

def test_frm11_says_uses_when_the_national_channel_is_used():
    f = finding(hotel(alternatives__national_channels="using"), "FRM-11-NATIONAL-CHANNELS")
    assert f.verdict == "compliant"
    assert "considered" not in f.explanation.en and "通过国家渠道核验身份" in f.explanation.zh
    g = finding(hotel(alternatives__national_channels="considered_not_suitable"), "FRM-11-NATIONAL-CHANNELS")
    assert g.verdict == "compliant" and "assessed and found unsuitable" in g.explanation.en
    h = finding(hotel(alternatives__national_channels="not_considered"), "FRM-11-NATIONAL-CHANNELS")
    assert h.verdict == "advisory" and h.action and "国家网络身份认证公共服务" in h.action.zh
