from django.urls import path

from apps.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("account/", views.account, name="account"),
    path("account/export/", views.data_export, name="export"),
    path("account/delete/", views.account_delete, name="delete"),
]
