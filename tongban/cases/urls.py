"""URL patterns of ``cases``: the case lifecycle pages and the in-app messages (``/cases/…``)."""

from django.urls import include, path

from tongban.cases import views

app_name = "cases"

urlpatterns = [
    # Applicant
    path("apply/<str:code>/", views.apply, name="apply"),
    path("my/", views.my_cases, name="my_cases"),
    path("drafts/<str:ref>/", views.draft_edit, name="draft_edit"),
    path("drafts/<str:ref>/delete/", views.draft_delete, name="draft_delete"),
    path("submitted/<str:number>/", views.submitted, name="submitted"),
    # Window clerk
    path("window/", views.window_intake, name="window_intake"),
    path("window/pickup/", views.pickup, name="pickup"),
    path("staff/<str:number>/pre-review/", views.pre_review, name="pre_review"),
    # Department inbox and the staff case page
    path("inbox/", views.inbox, name="inbox"),
    path("tasks/<int:task_id>/claim/", views.task_claim, name="task_claim"),
    path("tasks/<int:task_id>/complete/", views.task_complete, name="task_complete"),
    path("tasks/<int:task_id>/transfer/", views.task_transfer, name="task_transfer"),
    path("tasks/<int:task_id>/add-signer/", views.task_add_signer, name="task_add_signer"),
    path("staff/<str:number>/", views.staff_case, name="staff_case"),
    path("staff/<str:number>/special/start/", views.special_start, name="special_start"),
    path("staff/<str:number>/special/finish/", views.special_finish, name="special_finish"),
    path("staff/<str:number>/extension/", views.extension_request, name="extension_request"),
    path("staff/<str:number>/deliver/", views.deliver, name="deliver"),
    path("staff/<str:number>/decide-on-the-spot/", views.decide_on_the_spot, name="decide_on_the_spot"),
    path("staff/<str:number>/send-pickup-code/", views.send_pickup_code, name="send_pickup_code"),
    path("staff/<str:number>/terminate/", views.terminate, name="terminate"),
    # Supervision
    path("supervision/", views.supervision, name="supervision"),
    path("extensions/<int:extension_id>/decide/", views.extension_decide, name="extension_decide"),
    # Public
    path("progress/", views.progress, name="progress"),
    path("disclosure/", views.disclosure, name="disclosure"),
    # In-app messages (站内消息)
    path("messages/", include("tongban.notifications.urls")),
    # One case, by number or draft id (last: it matches any single segment)
    path("<str:ref>/", views.case_detail, name="case_detail"),
    path("<str:ref>/correction/<int:index>/", views.correction_upload, name="correction_upload"),
    path("<str:ref>/supplement/<int:material_id>/", views.supplement_upload, name="supplement_upload"),
    path("<str:ref>/resubmit/", views.resubmit, name="resubmit"),
    path("<str:ref>/withdraw/", views.withdraw, name="withdraw"),
    path("<str:ref>/delivery/", views.choose_delivery, name="case_choose_delivery"),
    path("<str:ref>/materials/<int:material_id>/", views.material_download, name="material_download"),
    path("<str:ref>/notices/<int:notice_id>/", views.notice_download, name="notice_download"),
]
