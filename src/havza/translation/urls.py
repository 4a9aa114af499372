from django.urls import path

from havza.translation import views, views_machine, views_markdown

app_name = "translation"

_T = "<int:work_id>/<str:lang>/"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("coverage/", views.coverage_view, name="coverage"),
    path("assign/", views.assign, name="assign"),
    path("preview/<str:token>/", views.preview, name="preview"),
    path(_T, views.editor_view, name="editor"),
    path(_T + "start/", views.start, name="start"),
    path(_T + "segments/<str:key>/", views.segment, name="segment"),
    path(_T + "segments/<str:key>/history/", views.history, name="history"),
    path(_T + "approve-all/", views.approve_all, name="approve_all"),
    path(_T + "publish/", views.publish, name="publish"),
    path(_T + "machine/", views.machine, name="machine"),
    path(_T + "machine/fill/", views_machine.fill, name="machine_fill"),
    path(_T + "markdown/", views_markdown.edit, name="markdown"),
    path(_T + "export/<str:fmt>/", views.export, name="export"),
    path(_T + "import/", views.import_view, name="import"),
]
