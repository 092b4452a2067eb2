from django.urls import path

from apps.imports import views

app_name = "imports"
urlpatterns = [
    path("account/import/", views.import_start, name="start"),
    path("account/import/upload/", views.import_upload, name="upload"),
    path("account/import/<int:pk>/", views.import_job, name="job"),
    path("account/import/<int:pk>/cancel/", views.import_cancel, name="cancel"),
]
