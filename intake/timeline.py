"""The stages an applicant passes through, as the private status page shows them.

The pipeline has internal steps (proposed to the municipality) the applicant does not need
as stages of their own; the timeline keeps to five stages and an end state.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from intake.models import PipelineStatus

# The applicant's stages in order: (status that reaches the stage, name shown).
STAGES = [
    (PipelineStatus.RECEIVED, _("Eingegangen")),
    (PipelineStatus.SCREENING, _("In Sichtung")),
    (PipelineStatus.SHORTLISTED, _("Engere Wahl")),
    (PipelineStatus.INTERVIEW, _("Gespräch")),
    (PipelineStatus.ACCEPTED, _("Vermittelt")),
]
STAGE_INDEX = {status: index for index, (status, _name) in enumerate(STAGES)}
END_STATES = {
    PipelineStatus.DECLINED: _("Abgesagt"),
    PipelineStatus.WITHDRAWN: _("Zurückgezogen"),
}

DONE, CURRENT, UPCOMING, ENDED = "done", "current", "upcoming", "ended"


@dataclass
class Stage:
    name: str
    state: str  # DONE, CURRENT, UPCOMING or ENDED (an end state, also current)
    date: datetime | None = None

    @property
    def is_current(self):
        return self.state in (CURRENT, ENDED)


def applicant_timeline(application, history=None):
    """The stages of ``application`` with their state and the date each was reached.

    ``history`` is the application's status changes, oldest first (read if not given).
    A stage the team moved back from counts as upcoming again; a declined or withdrawn
    application shows the stages it passed and then its end state, none still to come.
    """
    if history is None:
        history = list(application.history.all())
    reached = 0
    reached_at = {0: application.created_at}
    ended = None
    for change in history:
        if change.to_status in STAGE_INDEX:
            reached = STAGE_INDEX[change.to_status]
            reached_at[reached] = change.changed_at
        elif change.to_status in END_STATES:
            ended = change
        # "proposed" is internal: the applicant stays at the stage they were at.
    stages = []
    for index, (_status, name) in enumerate(STAGES):
        if index < reached or (index == reached and ended is not None):
            stages.append(Stage(name, DONE, reached_at.get(index)))
        elif index == reached:
            stages.append(Stage(name, CURRENT, reached_at.get(index)))
        elif ended is None:
            stages.append(Stage(name, UPCOMING))
    if ended is not None:
        stages.append(Stage(END_STATES[ended.to_status], ENDED, ended.changed_at))
    return stages
