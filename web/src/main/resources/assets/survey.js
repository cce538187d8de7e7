/*
 * One tap is the answer (docs/web.md#one-tap-answers). A one-tap link from the invitation e-mail
 * (/s/{token}?score=N) opens the survey form with N chosen and data-one-tap on the form. This
 * posts that form at once, as its Send button would, and then shows the link's own page (the
 * thank-you page: the score given, the comment box, a way to change the score) in place of this
 * one, so Back does not return to the one-tap link. The GET itself stores nothing, so a link
 * scanner that fetches the link without running it answers nothing; without script the customer
 * taps Send. If the post fails, the form stays as it is and Send still works.
 */
(function () {
    'use strict';
    var form = document.querySelector('form[data-one-tap]');
    if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) {
        return;
    }
    var status = document.getElementById('one-tap-status');
    status.hidden = false;
    fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        credentials: 'omit',
        redirect: 'error'
    }).then(function (response) {
        // 409: the link was answered meanwhile (this page opened twice); its page shows the answer
        if (response.ok || response.status === 409) {
            window.location.replace(form.action);
        } else {
            status.hidden = true;
        }
    }, function () {
        status.hidden = true;
    });
}());
