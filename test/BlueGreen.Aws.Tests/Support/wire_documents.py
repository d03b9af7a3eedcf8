"""Responses written the way AWS writes them, generated from botocore's model of the operation.

Input on stdin: {"service": "autoscaling", "operation": "DescribeAutoScalingGroups", "set": {"path.0.member": value},
"mode": "full" | "required", "token": true | false, "protocol": "query"}. "full" gives every member of the output
shape (lists of two items, recursion stopped at the first repeat of a shape); "required" gives
only the members the model marks required, and those named in "keep" (at any depth: the lists
to fill and the members a parser cannot do without). With "token" false, pagination tokens are left out
even in "full" (the last page).

A list of such requests gives a list of answers, in one run.

Output: {"status": 200, "headers": {...}, "body": "...", "values": {...}} where "values" is what
botocore's own parser reads back from the document (timestamps as ISO-8601 text), so a test can
assert that our parser reads the same values. The script fails if botocore reads anything other
than what was generated: a document botocore cannot read is a generator bug, never a test input.
"""
import base64
import datetime
import json
import sys
from xml.sax.saxutils import escape

import botocore.session
from botocore.parsers import create_parser

EPOCH = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)


def token_members(operation):
    """The output members that carry pagination tokens (from the paginator model, and by name)."""
    names = set()
    session = botocore.session.get_session()
    try:
        paginators = session.get_paginator_model(operation.service_model.service_name)
        config = paginators.get_paginator(operation.name)
        output = config["output_token"]
        for token in output if isinstance(output, list) else [output]:
            names.add(token.split(".")[-1])
        if "more_results" in config:
            names.add(config["more_results"])
    except Exception:  # noqa: BLE001 - no paginator model or no paginator for the operation
        pass
    output_shape = operation.output_shape
    if output_shape is not None:
        for name in output_shape.members:
            if name in ("NextToken", "nextToken", "NextMarker", "Marker", "IsTruncated") or name.startswith("NextRecord"):
                names.add(name)
    return names


class Values:
    """Deterministic values of a shape: strings name their member, numbers count up."""

    def __init__(self, mode, keep):
        self.mode = mode
        self.keep = set(keep)
        self.counter = 0

    def value(self, shape, name, seen):
        kind = shape.type_name
        if kind == "structure":
            if shape.name in seen:
                return None
            members = {}
            required = set(shape.required_members)
            for member_name, member in shape.members.items():
                if self.mode == "required" and member_name not in required and member_name not in self.keep:
                    continue
                item = self.value(member, member_name, seen | {shape.name})
                if item is not None:
                    members[member_name] = item
            return members
        if kind == "list":
            items = [self.value(shape.member, name, seen) for _ in range(2)]
            return [i for i in items if i is not None]
        if kind == "map":
            return {f"{name}-key-{i}": self.value(shape.value, name, seen) for i in (1, 2)}
        self.counter += 1
        if kind == "string":
            if shape.enum:
                return shape.enum[0]
            return f"{name}-{self.counter}"
        if kind in ("integer", "long"):
            return self.counter
        if kind in ("double", "float"):
            return self.counter + 0.5
        if kind == "boolean":
            return True
        if kind == "timestamp":
            return EPOCH + datetime.timedelta(seconds=self.counter)
        if kind == "blob":
            return f"{name}-{self.counter}".encode()
        raise ValueError(f"no value for {kind}")


def scalar_text(shape, value, default_time):
    kind = shape.type_name
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "timestamp":
        return time_text(value, shape.serialization.get("timestampFormat", default_time))
    if kind == "blob":
        return base64.b64encode(value).decode()
    return str(value)


def time_text(value, form):
    if form == "unixTimestamp":
        return value.timestamp()
    if form == "rfc822":
        return value.strftime("%a, %d %b %Y %H:%M:%S GMT")
    return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")


class XmlWriter:
    """Query and REST-XML bodies: lists wrapped (member, or the list member's locationName) unless flattened."""

    def __init__(self, default_list_member):
        self.default_list_member = default_list_member

    def element(self, shape, name, value):
        kind = shape.type_name
        if kind == "structure":
            inner = "".join(
                self.element(shape.members[k], shape.members[k].serialization.get("name", k), v)
                for k, v in value.items()
                if shape.members[k].serialization.get("location") is None)
            return f"<{name}>{inner}</{name}>"
        if kind == "list":
            member_name = shape.member.serialization.get("name", self.default_list_member)
            if shape.serialization.get("flattened"):
                return "".join(self.element(shape.member, name, v) for v in value)
            return f"<{name}>" + "".join(self.element(shape.member, member_name, v) for v in value) + f"</{name}>"
        if kind == "map":
            key_name = shape.key.serialization.get("name", "key")
            value_name = shape.value.serialization.get("name", "value")
            entries = "".join(
                f"<entry>{self.element(shape.key, key_name, k)}{self.element(shape.value, value_name, v)}</entry>"
                for k, v in value.items())
            if shape.serialization.get("flattened"):
                return entries.replace("<entry>", f"<{name}>").replace("</entry>", f"</{name}>")
            return f"<{name}>{entries}</{name}>"
        return f"<{name}>{escape(scalar_text(shape, value, 'iso8601'))}</{name}>"


def json_value(shape, value, default_time):
    kind = shape.type_name
    if kind == "structure":
        return {shape.members[k].serialization.get("name", k): json_value(shape.members[k], v, default_time)
                for k, v in value.items() if shape.members[k].serialization.get("location") is None}
    if kind == "list":
        return [json_value(shape.member, v, default_time) for v in value]
    if kind == "map":
        return {k: json_value(shape.value, v, default_time) for k, v in value.items()}
    if kind == "timestamp":
        return time_text(value, shape.serialization.get("timestampFormat", default_time))
    if kind == "blob":
        return base64.b64encode(value).decode()
    return value


def headers_of(shape, value):
    headers = {}
    for name, member in shape.members.items():
        if member.serialization.get("location") == "header" and name in value:
            headers[member.serialization.get("name", name)] = scalar_text(member, value[name], "rfc822")
    return headers


def document(model, operation, values, protocol):
    shape = operation.output_shape
    request_id = "4d2c9a1e-0000-4000-8000-000000000001"
    if protocol == "query":
        namespace = f"http://{model.endpoint_prefix}.amazonaws.com/doc/{model.api_version}/"
        result = ""
        if shape is not None:
            wrapper = operation.output_shape.serialization.get("resultWrapper", f"{operation.name}Result")
            result = XmlWriter("member").element(shape, wrapper, values)
        body = (f'<{operation.name}Response xmlns="{namespace}">{result}'
                f"<ResponseMetadata><RequestId>{request_id}</RequestId></ResponseMetadata></{operation.name}Response>")
        return {"status": 200, "headers": {"Content-Type": "text/xml", "x-amzn-RequestId": request_id}, "body": body}
    if protocol == "rest-xml":
        namespace = operation.metadata.get("xmlNamespace") or f"https://{model.endpoint_prefix}.amazonaws.com/doc/{model.api_version}/"
        body = ""
        headers = {"Content-Type": "text/xml", "x-amzn-RequestId": request_id}
        if shape is not None:
            headers.update(headers_of(shape, values))
            body = XmlWriter("member").element(shape, shape.name, values)
            body = body.replace(f"<{shape.name}>", f'<?xml version="1.0" encoding="UTF-8"?>\n<{shape.name} xmlns="{namespace}">', 1)
        return {"status": 200, "headers": headers, "body": body}
    if protocol == "json":
        content_type = f"application/x-amz-json-{model.metadata.get('jsonVersion', '1.0')}"
        body = json.dumps(json_value(shape, values, "unixTimestamp") if shape is not None else {})
        return {"status": 200, "headers": {"Content-Type": content_type, "x-amzn-RequestId": request_id}, "body": body}
    if protocol == "rest-json":
        headers = {"Content-Type": "application/json", "x-amzn-RequestId": request_id}
        body = "{}"
        if shape is not None:
            headers.update(headers_of(shape, values))
            body = json.dumps(json_value(shape, values, "unixTimestamp"))
        return {"status": 200, "headers": headers, "body": body}
    raise ValueError(f"protocol {protocol} is not generated")


def plain(value):
    """botocore's parsed values in JSON: timestamps as ISO-8601 text, blobs as text."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, bytes):
        return value.decode()
    return value


def put(values, path, value):
    """Sets one generated value where a parser needs a meaningful one: "events.0.type"."""
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    for part in parents:
        values = values[part]
    values[last] = value


def main():
    asks = json.load(sys.stdin)
    json.dump([generate(ask) for ask in asks] if isinstance(asks, list) else generate(asks), sys.stdout)


def generate(ask):
    model = botocore.session.get_session().get_service_model(ask["service"])
    operation = model.operation_model(ask["operation"])
    values = {}
    if operation.output_shape is not None:
        values = Values(ask.get("mode", "full"), ask.get("keep", [])).value(operation.output_shape, operation.output_shape.name, frozenset())
        if not ask.get("token", True):
            for name in token_members(operation):
                values.pop(name, None)
            if "IsTruncated" in operation.output_shape.members:
                values["IsTruncated"] = False
        for path, value in ask.get("set", {}).items():
            put(values, path, value)
    # A service may speak several protocols (CloudWatch: CBOR first, Query too); the caller names ours.
    protocol = ask.get("protocol") or model.metadata["protocol"]
    written = document(model, operation, values, protocol)
    parsed = create_parser(protocol).parse(
        {"status_code": 200, "headers": written["headers"], "body": written["body"].encode()},
        operation.output_shape)
    read_back = plain(parsed)
    if read_back != plain(values):
        raise SystemExit(f"botocore reads the generated {ask['operation']} differently:\n{json.dumps(read_back, indent=1)}\n---\n{json.dumps(plain(values), indent=1)}")
    written["values"] = read_back
    written["tokens"] = sorted(token_members(operation))
    return written


if __name__ == "__main__":
    main()
