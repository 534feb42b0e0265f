"""Mails survive a broken mail server: the submission stays, the mail is sent on retry."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from intake.models import Application, FormKind, OutgoingMail
from intake.tasks import send_outgoing_mail
from tests.forms.conftest import application_data
from tests.forms.test_other_forms import funder_data

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "tests.forms.failing_backend.FailingEmailBackend"
LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_broken_mail_server_keeps_the_application_and_retries_later(
    client, submit, open_project, competencies, settings
):
    settings.EMAIL_BACKEND = FAILING_BACKEND

    response = submit(f"{open_project.url}bewerben/", application_data(competencies))

    # The person sees the confirmation page; nothing is lost.
    assert response.status_code == 302
    application = Application.objects.get()
    pending = OutgoingMail.objects.filter(sent_at__isnull=True)
    assert [(m.attempts, m.last_error[:14]) for m in pending.all()] == [(1, "SMTPException:")] * 2

    # Still down: the retry records another attempt and sends nothing.
    call_command("send_pending_mail", verbosity=0)
    assert [m.attempts for m in pending.all()] == [2, 2]

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    call_command("send_pending_mail", verbosity=0)

    assert {tuple(m.to) for m in mail.outbox} == {
        ("ada@example.org",),
        ("team@lokalprojekte.example",),
    }
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert application.access_token in confirmation.body
    assert not OutgoingMail.objects.filter(sent_at__isnull=True).exists()

    # A further run finds nothing to do: no mail goes out twice.
    call_command("send_pending_mail", verbosity=0)
    assert len(mail.outbox) == 2


def test_retries_stop_after_the_configured_number_of_attempts(submit, form_pages, settings):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    settings.OUTGOING_MAIL_MAX_ATTEMPTS = 2
    submit(form_pages[FormKind.FUNDER].url, funder_data())

    call_command("send_pending_mail", verbosity=0)
    call_command("send_pending_mail", verbosity=0)

    assert list(OutgoingMail.objects.values_list("attempts", flat=True)) == [2, 2]


def test_mail_about_a_deleted_record_is_dropped(submit, form_pages, settings):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    submit(form_pages[FormKind.FUNDER].url, funder_data())
    from intake.models import ContactRequest

    # The person asked for deletion before the mail server came back.
    ContactRequest.objects.all().delete()
    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    call_command("send_pending_mail", verbosity=0)

    assert mail.outbox == []
    assert not OutgoingMail.objects.filter(
        sent_at__isnull=True, attempts__lt=settings.OUTGOING_MAIL_MAX_ATTEMPTS
    ).exists()


def test_english_applicant_gets_english_mail_with_english_link(
    submit, open_project_en, competencies
):

    submit(f"{open_project_en.url}bewerben/", application_data(competencies))

    application = Application.objects.get()
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert f"http://testserver/en/application/{application.access_token}/" in confirmation.body
    assert "Thank you" in confirmation.body
    team = next(m for m in mail.outbox if m.to == ["team@lokalprojekte.example"])
    assert team.subject.startswith("Neue Bewerbung")


def run_due_mail_tasks(queued):
    """Do what the queue's worker does with due tasks: run them and mark them done."""
    due = list(queued.ready())
    for result in due:
        send_outgoing_mail.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
        queued.filter(pk=result.pk).update(status="SUCCESSFUL")
    return len(due)


def test_with_the_database_queue_a_failed_mail_schedules_its_own_retry(
    submit, form_pages, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = FAILING_BACKEND
    submit(form_pages[FormKind.FUNDER].url, funder_data())
    queued = DBTaskResult.objects.filter(task_path="intake.tasks.send_outgoing_mail")
    assert queued.count() == 2  # queued after the commit, not run yet

    assert run_due_mail_tasks(queued) == 2

    assert [m.attempts for m in OutgoingMail.objects.all()] == [1, 1]
    retries = queued.filter(status="READY")
    assert retries.count() == 2
    assert all(r.run_after > timezone.now() for r in retries)
    assert run_due_mail_tasks(queued) == 0  # not due yet

    # The server is back and the retries fall due: the mails go out.
    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    retries.update(run_after=timezone.now() - timedelta(seconds=1))
    assert run_due_mail_tasks(queued) == 2

    assert len(mail.outbox) == 2
    assert not OutgoingMail.objects.filter(sent_at__isnull=True).exists()
