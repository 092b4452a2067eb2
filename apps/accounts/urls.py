from django.urls import path

from apps.accounts import import_views, views

app_name = "accounts"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("account/", views.account, name="account"),
    path("account/export/", views.data_export, name="export"),
    path("account/delete/", views.account_delete, name="delete"),
    path("account/import/", import_views.import_start, name="import"),
    path("account/import/upload/", import_views.import_upload, name="import-upload"),
    path("account/import/<int:pk>/", import_views.import_job, name="import-job"),
    path("account/import/<int:pk>/cancel/", import_views.import_cancel, name="import-cancel"),
]
