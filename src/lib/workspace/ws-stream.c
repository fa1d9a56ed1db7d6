/* The workspace's prequential replays: run on the current data, kept by name. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "reelscope/stream.h"
#include "workspace/ws.h"
#include "util/xmalloc.h"

void
rs_workspace_add_stream(rs_workspace *ws, rs_stream_result *r)
{
	for (size_t i = 0; i < ws->nstreams; i++)
		if (strcmp(ws->streams[i]->name, r->name) == 0) {
			rs_stream_result_free(ws->streams[i]);
			ws->streams[i] = r;
			return;
		}
	ws->streams = xreallocarray(ws->streams, ws->nstreams + 1,
	    sizeof *ws->streams);
	ws->streams[ws->nstreams++] = r;
}

const rs_stream_result *
rs_workspace_stream(const rs_workspace *ws, const char *name)
{
	for (size_t i = 0; i < ws->nstreams; i++)
		if (strcmp(ws->streams[i]->name, name) == 0)
			return ws->streams[i];
	return NULL;
}

size_t
rs_workspace_nstreams(const rs_workspace *ws)
{
	return ws->nstreams;
}

const rs_stream_result *
rs_workspace_stream_at(const rs_workspace *ws, size_t i)
{
	return i < ws->nstreams ? ws->streams[i] : NULL;
}

int
rs_workspace_stream_run(rs_workspace *ws, const rs_stream_opts *o,
    const rs_stream_result **out, rs_error *err)
{
	rs_stream_result *r;

	if (out != NULL)
		*out = NULL;
	if (ws->data == NULL) {
		rs_error_set(err, RS_ESTATE, "no dataset loaded (use load PATH or generate DIR --load first)");
		return -1;
	}
	if (rs_stream_replay(ws->data, o, &r, err) != 0)
		return -1;
	rs_workspace_add_stream(ws, r);
	if (out != NULL)
		*out = r;
	return 0;
}
