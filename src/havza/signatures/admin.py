import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from havza.network.admin_forms import CountryChoicesMixin, OrderedInlineFormSet
from havza.publishing.admin import WORK_INLINES
from havza.publishing.admin_access import OwnerRowsInlineMixin
from havza.publishing.models import Signatory, Work
from havza.signatures import delivery, export, republish, services
from havza.signatures.models import Delivery, ModerationEvent, Signature, SignOn, TextRevision


class SignatoryForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        # A row given another signer, its country left as it was, takes the new signer's
        # country: the old one belonged to whoever signed before. A country chosen in the
        # same save is kept.
        signer_changed = {"organization", "person"} & set(self.changed_data)
        if self.instance.pk and signer_changed and "country" not in self.changed_data:
            cleaned["country"] = ""  # Signatory.save() fills in the signer's country
        return cleaned


class SignatoryFormSet(OrderedInlineFormSet):
    """The rows of a joint statement's list: each organization or person signs once."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        seen: dict[tuple[str, int], int] = {}
        for row, form in enumerate(self.forms, start=1):
            data = getattr(form, "cleaned_data", None)
            if not data or self._should_delete_form(form):
                continue
            for field in ("organization", "person"):
                signer = data.get(field)
                if signer is None:
                    continue
                first = seen.setdefault((field, signer.pk), row)
                if first != row:
                    form.add_error(
                        field,
                        _("%(signer)s already signs in row %(first)s; row %(row)s repeats it.")
                        % {"signer": signer, "first": first, "row": row},
                    )


class SignatoryInline(OwnerRowsInlineMixin, CountryChoicesMixin, admin.TabularInline):
    """Signatories in the order they sign: the rows' order on the screen, numbered on save."""

    model = Signatory
    form = SignatoryForm
    formset = SignatoryFormSet
    extra = 3
    autocomplete_fields = ["organization", "person"]
    fields = ["organization", "person", "role", "country", "position"]
    classes = ["havza-ordered"]
    verbose_name_plural = _("signatories")


WORK_INLINES.append(SignatoryInline)


# Public sign-on ---------------------------------------------------------------------------


class TextRevisionInline(admin.TabularInline):
    """A change of the text after people signed: its reason is required, and the signers
    are told by mail. Kept as written."""

    model = TextRevision
    extra = 0
    fields = ["version", "reason", "user", "created_at"]
    readonly_fields = ["version", "user", "created_at"]
    verbose_name_plural = _("changes of the text after signing")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SignOn)
class SignOnAdmin(admin.ModelAdmin):
    inlines = [TextRevisionInline]
    list_display = ["work", "is_open", "open_to", "closes_at", "moderate"]
    list_filter = ["is_open", "moderate", "open_to"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "work":  # joint statements only, in a plain menu
            joint = Work.objects.filter(kind=Work.Kind.JOINT_STATEMENT)
            kwargs["queryset"] = joint.prefetch_related("translations")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    fields = [
        "work",
        "is_open",
        "open_to",
        "closes_at",
        "moderate",
        "show_role",
        "show_country",
        "show_website",
        "purge_days",
        "drop_emails_on_close",
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.closes_at and obj.drop_emails_on_close:
            republish.schedule_purge(obj.pk, obj.closes_at)

    def save_formset(self, request, form, formset, change):
        if formset.model is not TextRevision:
            return super().save_formset(request, form, formset, change)
        for revision in formset.save(commit=False):
            if revision.pk is None:
                services.revise_text(form.instance, revision.reason, request.user)
        return None


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    """The moderation queue: confirmed signatures first, flagged names marked."""

    list_display = [
        "name",
        "type",
        "organization_name",
        "country",
        "status",
        "flagged",
        "email_domain",
        "created_at",
    ]
    list_filter = ["status", "type", "sign_on", ("flagged", admin.EmptyFieldListFilter)]
    search_fields = ["name", "organization_name", "email_domain", "ip_hash"]
    date_hierarchy = "created_at"
    actions = [
        "approve",
        "reject",
        "export_csv",
        "export_pdf",
        "invalidate_domains",
        "invalidate_ip_hashes",
        "invalidate_window",
    ]
    readonly_fields = [
        "sign_on",
        "type",
        "email",
        "email_domain",
        "ip_hash",
        "consent_text",
        "language",
        "text_version",
        "created_at",
        "confirmed_at",
        "decided_at",
        "withdrawn_at",
    ]
    exclude = ["email_key", "token", "code"]

    def has_add_permission(self, request) -> bool:
        return False  # signatures come from signers (editors list theirs as signatories)

    @admin.action(description=_("Approve the selected signatures"))
    def approve(self, request, queryset):
        count = services.decide(queryset, Signature.Status.APPROVED, request.user)
        self.message_user(request, _("%(count)s approved.") % {"count": count})

    @admin.action(description=_("Reject the selected signatures"))
    def reject(self, request, queryset):
        count = services.decide(queryset, Signature.Status.REJECTED, request.user)
        self.message_user(request, _("%(count)s rejected.") % {"count": count})

    @admin.action(description=_("Export the selected signatures as CSV"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="signatures.csv"'
        export.write_csv(response, queryset.select_related("sign_on__work"))
        return response

    @admin.action(description=_("Export the approved ones as a PDF for delivery, with checksums"))
    def export_pdf(self, request, queryset):
        statements = set(queryset.values_list("sign_on_id", flat=True))
        if len(statements) != 1:
            self.message_user(
                request, _("Choose the signatures of one statement."), level=messages.ERROR
            )
            return None
        sign_on = SignOn.objects.select_related("work").get(pk=statements.pop())
        row = delivery.ask(sign_on, queryset, request.user)
        self.message_user(
            request,
            _(
                "The PDF of the approved signatures (%(count)s) is being made; download it "
                "here once it is ready."
            )
            % {"count": row.count},
        )
        return redirect("admin:signatures_delivery_changelist")

    @admin.action(description=_("Reject every signature from the email domains of these"))
    def invalidate_domains(self, request, queryset):
        total = 0
        pairs = set(queryset.values_list("sign_on_id", "email_domain"))
        for sign_on_id, domain in pairs:
            sign_on = SignOn.objects.get(pk=sign_on_id)
            total += services.invalidate(sign_on, request.user, domain=domain)
        self.message_user(request, _("%(count)s rejected.") % {"count": total})

    @admin.action(description=_("Reject every signature from the IP hashes of these"))
    def invalidate_ip_hashes(self, request, queryset):
        total = 0
        for sign_on_id, ip_hash in set(queryset.values_list("sign_on_id", "ip_hash")):
            sign_on = SignOn.objects.get(pk=sign_on_id)
            total += services.invalidate(sign_on, request.user, ip_hash=ip_hash)
        self.message_user(request, _("%(count)s rejected.") % {"count": total})

    @admin.action(description=_("Reject every signature made between the first and last of these"))
    def invalidate_window(self, request, queryset):
        total = 0
        for sign_on in SignOn.objects.filter(pk__in=queryset.values("sign_on")):
            mine = queryset.filter(sign_on=sign_on).order_by("created_at")
            first, last = mine.first(), mine.last()
            total += services.invalidate(
                sign_on,
                request.user,
                since=first.created_at,
                until=last.created_at + dt.timedelta(microseconds=1),
            )
        self.message_user(request, _("%(count)s rejected.") % {"count": total})


@admin.register(ModerationEvent)
class ModerationEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "sign_on", "action", "detail", "count"]
    list_filter = ["action", "sign_on"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The PDFs for delivery editors asked for (the signatures' action), made by the job
    worker; seen and downloaded by those who may see the signatures."""

    list_display = ["sign_on", "status", "count", "requested_by", "requested_at", "made_at", "file"]
    list_filter = ["status", "sign_on"]
    readonly_fields = ["sign_on", "language", "status", "count", "requested_by", "requested_at",
                       "made_at", "error", "file"]  # fmt: skip
    exclude = ["signature_ids", "pdf"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pdf", "signature_ids")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("signatures.view_signature")

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("signatures.change_signature")

    def has_module_permission(self, request) -> bool:
        return self.has_view_permission(request)

    @admin.display(description=_("file"))
    def file(self, obj: Delivery) -> str:
        if obj.status != Delivery.Status.READY:
            return obj.get_status_display()
        address = reverse("admin:signatures_delivery_pdf", args=[obj.pk])
        return format_html('<a href="{}" download>{}</a>', address, _("Download the PDF"))

    def get_urls(self):
        download = self.admin_site.admin_view(self.download)
        own = [path("<int:object_id>/pdf/", download, name="signatures_delivery_pdf")]
        return own + super().get_urls()

    def download(self, request, object_id: int) -> HttpResponse:
        row = get_object_or_404(Delivery, pk=object_id)
        if not self.has_view_permission(request, row):
            raise PermissionDenied
        if row.status != Delivery.Status.READY:
            self.message_user(request, _("This PDF is not ready yet."), level=messages.WARNING)
            return redirect("admin:signatures_delivery_changelist")
        response = HttpResponse(bytes(row.pdf), content_type="application/pdf")
        name = f"signatures-{row.sign_on.work_id}-{row.pk}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
