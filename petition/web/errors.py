"""Friendly error pages in the person's language; never a bare server error."""

from __future__ import annotations

from flask import Flask, Response, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from petition.web.translation import lazy_gettext as _l

MESSAGES = {
    400: (_l("Something went wrong with that page"),
          _l("Your browser sent something we could not read. Go back and try again.")),
    404: (_l("Page not found"),
          _l("If you typed the web address, check it is correct. If you pasted it, check "
             "you copied the whole address.")),
    405: (_l("Something went wrong with that page"),
          _l("That page cannot be used this way. Go back and try again.")),
    413: (_l("That was too much to send"),
          _l("What you sent was too long. Go back, shorten your answer and try again.")),
    503: (_l("Many people are making papers right now"),
          _l("Please wait a few seconds, then try again. Your answers are still here.")),
    500: (_l("Sorry, there is a problem with the service"),
          _l("Try again later. Your answers were not saved anywhere but in your browser.")),
}
TIMED_OUT = (_l("Your time on this page ran out"),
             _l("To protect your privacy, we forget your answers after 30 minutes without "
                "activity, or when the form is too old. Please start again."))


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def timed_out(error):
        title, body = TIMED_OUT
        return render_template("error.html", title=title, body=body, start_again=True), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        title, body = MESSAGES.get(error.code, MESSAGES[400])
        response = error.get_response()  # keeps headers such as Retry-After
        response.set_data(render_template("error.html", title=title, body=body))
        response.mimetype = "text/html"
        return response

    @app.errorhandler(Exception)
    def server_error(error):
        if app.testing:
            raise error
        # The exception is logged by Flask without the request body or the session, so no
        # answers reach the log.
        app.logger.error("Unhandled %s", type(error).__name__)
        title, body = MESSAGES[500]
        try:
            return render_template("error.html", title=title, body=body), 500
        except Exception:  # the page itself failed: say so plainly rather than not at all
            return Response(f"{title}. {body}", 500, mimetype="text/plain")
