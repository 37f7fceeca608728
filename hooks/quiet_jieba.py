"""MkDocs hook: keep jieba's start-up chatter out of the build output.

Material's search plugin segments Chinese text with jieba, which logs
"Building prefix dict ..." lines straight to stderr through its own handler.
They are not problems, and a clean build output is what tells us there are none.
"""

import logging

logging.getLogger("jieba").setLevel(logging.WARNING)
