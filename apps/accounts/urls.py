from django.urls import path

from apps.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("account/", views.account, name="account"),
]
