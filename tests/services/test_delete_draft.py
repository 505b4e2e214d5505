"""Deleting a draft: the draft and its journal go; a submitted or approved version never does."""

import pytest

from pia_wizard.context import AppContext
from pia_wizard.services import assessments, drafts
from pia_wizard.services.errors import ServiceError


def hotel():
    return assessments.read_assessment(assessments.example_path("hotel-checkin"))


def test_a_draft_and_its_unsaved_edits_are_deleted(tmp_path):
    ctx = AppContext(data_dir=tmp_path)
    a = hotel()
    assessments.save_draft(ctx, a)
    session = drafts.open_draft(ctx, a.id)
    session.set_answer("scope.in_prc", "yes")
    session.close()
    assessments.delete_draft(ctx, a.id)
    assert [s.assessment_id for s in assessments.list_assessments(ctx)] == []
    assessments.save_draft(ctx, a)  # the same id starts afresh: no journal replays the old edits
    assert drafts.open_draft(ctx, a.id).recovered == 0


def test_a_submitted_version_is_never_deleted(tmp_path):
    ctx = AppContext(data_dir=tmp_path)
    a = hotel()
    assessments.save_draft(ctx, a)
    assessments.transition(ctx, a.id, "submit")
    with pytest.raises(ServiceError) as info:
        assessments.delete_draft(ctx, a.id)
    assert "only a draft can be deleted" in info.value.message("en")
    assert [s.state for s in assessments.list_assessments(ctx)] == ["in_review"]


def test_an_unknown_assessment_says_so(tmp_path):
    ctx = AppContext(data_dir=tmp_path)
    with pytest.raises(ServiceError):
        assessments.delete_draft(ctx, "no-such-id")
