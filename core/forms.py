"""How the public forms are rendered: one renderer, one form template, one field template."""

from django.forms.renderers import DjangoTemplates


class PublicFormRenderer(DjangoTemplates):
    """Renders every public form (applications, requests, offers, contact) the same way.

    ``{{ form }}`` gives the error summary, the fieldsets, the honeypot and the signed start
    time; each field has its label, help text and errors tied to the widget. The Wagtail admin
    keeps Django's default renderer: these templates are for the public site only.
    """

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
