"""Uploading images and files. The upload is checked and processed by ``services``; the
list shows each image with the Markdown that puts it into a body."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from havza.media import processing, services
from havza.media.models import Attachment, Image


class ImageForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("image file"),
        help_text=_("JPEG, PNG, WebP or GIF. Camera data (place, time, device) is removed."),
    )

    class Meta:
        model = Image
        fields = ["name"]

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        if upload is not None:
            try:
                self.stored = services.store_image(upload, data.get("name", ""))
            except processing.Refused as refused:
                self.add_error("upload", str(refused))
        return data


class AttachmentForm(forms.ModelForm):
    upload = forms.FileField(label=_("PDF file"), help_text=_("A PDF file."))

    class Meta:
        model = Attachment
        fields = ["titles"]

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        if upload is not None and data.get("titles"):
            try:
                self.stored = services.store_attachment(
                    upload, data["titles"], filename=upload.name
                )
            except processing.Refused as refused:
                self.add_error("upload", str(refused))
        return data


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "name", "dimensions", "markdown", "uploaded_at"]
    search_fields = ["name"]
    readonly_fields = ["thumbnail", "dimensions", "markdown"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ImageForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return ["name", "upload"] if obj is None else ["name", *self.readonly_fields]

    def save_form(self, request, form, change):
        return super().save_form(request, form, change) if change else form.stored

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        if obj.uploaded_by_id is None:
            obj.uploaded_by = request.user
            obj.save(update_fields=["uploaded_by"])

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    @admin.display(description=_("image"))
    def thumbnail(self, obj: Image):
        small = obj.sized("webp")[0]
        return format_html(
            '<img src="{}" alt="" width="120" style="height:auto">', services.url(small["path"])
        )

    @admin.display(description=_("size"))
    def dimensions(self, obj: Image) -> str:
        return f"{obj.width} × {obj.height}"

    @admin.display(description=_("in a body"))
    def markdown(self, obj: Image):
        return format_html("<code>![…]({})</code>", obj.address)


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "link", "size", "uploaded_at"]
    search_fields = ["titles"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = AttachmentForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return ["titles", "upload"] if obj is None else ["titles", "link"]

    def get_readonly_fields(self, request, obj=None):
        return ["link"] if obj is not None else []

    def save_form(self, request, form, change):
        return super().save_form(request, form, change) if change else form.stored

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    @admin.display(description=_("file"))
    def link(self, obj: Attachment):
        return format_html('<a href="{}">{}</a>', obj.address, obj.path.rsplit("/", 1)[-1])
