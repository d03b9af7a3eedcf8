"""Starts moto_server (moto 5.2.1) with the workarounds BlueGreen's local cloud needs.

Each workaround is named; `--without NAME` leaves one out so a test can show the defect it fixes.
`--lambda-port` is where moto's Step Functions engine sends its AWS calls (Lambda invokes and
aws-sdk integrations): our gateway, which answers Lambda itself and forwards the rest back here.
"""
import argparse
import copy
import json
import os
import re
import sys
import time
import uuid

WORKAROUNDS = {}


def workaround(name):
    def register(fn):
        WORKAROUNDS[name] = fn
        return fn
    return register


@workaround("execution-copy")
def share_backend_in_execution_copy(_args):
    # start_execution deep-copies the state machine, backend and RLocks included, so every
    # StartExecution after the first fails with "cannot pickle '_thread.RLock'" (moto PR #10093).
    # The copy only needs the definition: share the backend, start with no executions.
    from moto.stepfunctions.models import StateMachine

    def shallow_definition_copy(self, memo):
        clone = copy.copy(self)
        clone.executions = []
        clone.versions = dict(self.versions)
        clone.aliases = dict(self.aliases)
        return clone

    StateMachine.__deepcopy__ = shallow_definition_copy


@workaround("elbv2-service-name")
def map_elbv2_service_name(_args):
    # ASL names the service elasticloadbalancingv2; boto3 knows it as elbv2.
    from moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service import (
        StateTaskService,
    )
    StateTaskService._SERVICE_NAME_SFN_TO_BOTO_OVERRIDES = {
        **StateTaskService._SERVICE_NAME_SFN_TO_BOTO_OVERRIDES,
        "elasticloadbalancingv2": "elbv2",
    }


@workaround("task-failure-cause")
def keep_task_failure_cause(_args):
    # SendTaskFailure drops `cause`; a rejected approval must keep its reason.
    from moto.core.responses import EmptyResult
    from moto.stepfunctions.responses import StepFunctionResponse

    def send_task_failure(self):
        self.stepfunction_backend.send_task_failure(
            self._get_param("taskToken"), error=self._get_param("error"), cause=self._get_param("cause"))
        return EmptyResult()

    StepFunctionResponse.send_task_failure = send_task_failure


@workaround("execution-name")
def name_unnamed_executions(_args):
    # StartExecution without a name names the execution "None" (and a second one collides).
    from moto.stepfunctions.responses import StepFunctionResponse
    original = StepFunctionResponse._get_param

    def get_param(self, name, if_none=None):
        value = original(self, name, if_none)
        if name == "name" and value is None and self._get_action() == "StartExecution":
            return str(uuid.uuid4())
        return value

    StepFunctionResponse._get_param = get_param


@workaround("aws-sdk-error-names")
def name_aws_sdk_errors_like_aws(_args):
    # aws-sdk task errors are named "<Service>.<Exception>" with the SDK's service name
    # ("AutoScaling.AutoScalingException"); moto knows only DynamoDb and Sfn and falls back to the
    # ARN's lower-case name ("autoscaling.autoscalingException"), which no ErrorEquals matches.
    from moto.stepfunctions.parser.asl.component.state.exec.state_task.service import state_task_service_aws_sdk
    state_task_service_aws_sdk._SERVICE_ERROR_NAMES.update({
        "autoscaling": "AutoScaling",
        "elasticloadbalancingv2": "ElasticLoadBalancingV2",
        "ec2": "Ec2",
        "cloudwatch": "CloudWatch",
        "codedeploy": "CodeDeploy",
        "route53": "Route53",
        "ssm": "Ssm",
        "lambda": "Lambda",
        "sns": "Sns",
        "sqs": "Sqs",
        "iam": "Iam",
        "sts": "Sts",
        "eventbridge": "EventBridge",
    })


@workaround("ending-published-whole")
def publish_endings_whole(_args):
    # The engine sets an execution's status before its output (or error and cause), so a poller can
    # read SUCCEEDED with no output, or FAILED with no error. Until both are set, it is still running.
    from moto.stepfunctions.parser.api import ExecutionStatus
    from moto.stepfunctions.parser.backend.execution import Execution

    def status(self):
        half_ended = (self.exec_status == ExecutionStatus.SUCCEEDED and self.output is None) or (
            self.exec_status == ExecutionStatus.FAILED and self.error is None and self.cause is None)
        return ExecutionStatus.RUNNING.value if half_ended else self.exec_status.value

    Execution.status = property(status)


@workaround("asg-already-exists")
def refuse_existing_group_name(_args):
    # moto silently replaces a group created again under the same name (a create whose answer was
    # lost and is retried then orphans the first group's instances); AWS answers AlreadyExists.
    from moto.autoscaling.exceptions import AutoscalingClientError
    from moto.autoscaling.models import AutoScalingBackend
    original = AutoScalingBackend.create_auto_scaling_group

    def create_auto_scaling_group(self, name, *args, **kwargs):
        if name in self.autoscaling_groups:
            raise AutoscalingClientError(
                "AlreadyExists", f"AutoScalingGroup by this name already exists - A group with the name {name} already exists")
        return original(self, name, *args, **kwargs)

    AutoScalingBackend.create_auto_scaling_group = create_auto_scaling_group


@workaround("launch-template-client-token")
def honour_launch_template_client_token(_args):
    # moto ignores ClientToken: a retried CreateLaunchTemplateVersion makes a second version. AWS
    # answers a repeated token with the original result and a changed request IdempotentParameterMismatch.
    from moto.ec2.exceptions import EC2ClientError
    from moto.ec2.responses.launch_templates import LaunchTemplates
    answered = {}

    def idempotent(create):
        def handle(self):
            token = self._get_param("ClientToken")
            if not token:
                return create(self)
            key = (self.current_account, self.region, create.__name__, token)
            request = sorted((k, v) for k, v in self.querystring.items() if k != "ClientToken")
            if key in answered:
                earlier_request, result = answered[key]
                if earlier_request != request:
                    raise EC2ClientError(
                        "IdempotentParameterMismatch",
                        f"Client token {token} was used before with different parameters.")
                return result
            result = create(self)
            answered[key] = (request, result)
            return result
        return handle

    LaunchTemplates.create_launch_template = idempotent(LaunchTemplates.create_launch_template)
    LaunchTemplates.create_launch_template_version = idempotent(LaunchTemplates.create_launch_template_version)


@workaround("lambda-error-names")
def name_lambda_service_errors_like_aws(_args):
    # A Lambda-ARN task whose Invoke the Lambda service refuses (429, 5xx) fails with "Exception" in
    # moto, so an ASL Retry on Lambda.TooManyRequestsException or Lambda.ServiceException never
    # fires. Step Functions names them "Lambda.<code>", and a call that got no answer at all
    # "Lambda.SdkClientException", as moto already does for arn:aws:states:::lambda:invoke.
    from botocore.exceptions import BotoCoreError, ClientError
    from moto.stepfunctions.parser.api import HistoryEventType, LambdaFunctionFailedEventDetails
    from moto.stepfunctions.parser.asl.component.common.error_name.custom_error_name import CustomErrorName
    from moto.stepfunctions.parser.asl.component.common.error_name.failure_event import FailureEvent
    from moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_lambda import (
        StateTaskServiceLambda,
    )
    from moto.stepfunctions.parser.asl.component.state.exec.state_task.state_task_lambda import StateTaskLambda
    from moto.stepfunctions.parser.asl.eval.event.event_detail import EventDetails
    original = StateTaskLambda._from_error

    def from_error(self, env, ex):
        if isinstance(ex, ClientError):
            error, cause = StateTaskServiceLambda._error_cause_from_client_error(ex)
        elif isinstance(ex, BotoCoreError):
            error, cause = "Lambda.SdkClientException", str(ex)
        else:
            return original(self, env, ex)
        return FailureEvent(
            env=env,
            error_name=CustomErrorName(error),
            event_type=HistoryEventType.LambdaFunctionFailed,
            event_details=EventDetails(
                lambdaFunctionFailedEventDetails=LambdaFunctionFailedEventDetails(error=error, cause=cause)),
        )

    StateTaskLambda._from_error = from_error


@workaround("detach-only-attached")
def detach_only_attached_target_groups(_args):
    # moto deregisters the group's instances from every target group named, attached or not, so a
    # detach repeated after a lost answer fails InvalidTarget; AWS leaves a detached group alone.
    from moto.autoscaling.models import AutoScalingBackend
    original = AutoScalingBackend.detach_load_balancer_target_groups

    def detach_load_balancer_target_groups(self, group_name, target_group_arns):
        group = self.autoscaling_groups.get(group_name)
        attached = [arn for arn in target_group_arns if group is None or arn in group.target_group_arns]
        return original(self, group_name, attached)

    AutoScalingBackend.detach_load_balancer_target_groups = detach_load_balancer_target_groups


@workaround("terminate-unknown-instance")
def refuse_terminating_unmanaged_instance(_args):
    # TerminateInstanceInAutoScalingGroup of an instance no group manages (already terminated)
    # crashes moto with a 500; AWS answers ValidationError "Instance Id not found".
    from moto.autoscaling.exceptions import ValidationError
    from moto.autoscaling.models import AutoScalingBackend
    original = AutoScalingBackend.terminate_instance

    def terminate_instance(self, instance_id, should_decrement):
        managed = any(state.instance.id == instance_id
                      for group in self.autoscaling_groups.values() for state in group.instance_states)
        if not managed:
            raise ValidationError(f"Instance Id not found - No managed instance found for instance ID: {instance_id}")
        return original(self, instance_id, should_decrement)

    AutoScalingBackend.terminate_instance = terminate_instance


@workaround("mixed-instances-capacity")
def fill_mixed_instances_desired_capacity(_args):
    # moto truncates both halves of the On-Demand/Spot split above the base, so a mixed-instances
    # group of desired 4 (base 1, 50 %) runs 3 instances. AWS turns the percentage into whole
    # instances rounding up in favour of On-Demand, the rest is Spot: the total is the desired
    # capacity. Create, update and SetDesiredCapacity all end in set_desired_capacity.
    import math
    from moto.autoscaling.models import FakeAutoScalingGroup
    original = FakeAutoScalingGroup.set_desired_capacity

    def instance_count(policy, capacity):
        distribution = policy.get("InstancesDistribution", {})
        base = int(distribution.get("OnDemandBaseCapacity", 0))
        percent = int(distribution.get("OnDemandPercentageAboveBaseCapacity", 100))
        weight = policy["LaunchTemplate"]["Overrides"][0].get("WeightedCapacity", "1")
        weight = int(weight) if str(weight).isdigit() and int(weight) > 0 else 1
        above_base = max(capacity - base, 0)
        on_demand = min(base, capacity) + math.ceil(above_base * percent / 100)
        spot = capacity - on_demand
        return math.ceil(on_demand / weight) + math.ceil(spot / weight)

    def set_desired_capacity(self, new_capacity):
        policy = self.mixed_instances_policy or {}
        if not policy.get("LaunchTemplate", {}).get("Overrides"):
            return original(self, new_capacity)
        self.desired_capacity = self.min_size if new_capacity is None else new_capacity
        delta = instance_count(policy, self.desired_capacity or 0) - len(self.active_instances())
        if delta > 0:
            self.replace_autoscaling_group_instances(delta, self.get_propagated_tags())
        elif delta < 0:
            leaving = [state for state in self.instance_states if not state.protected_from_scale_in][:-delta]
            if leaving:
                self.autoscaling_backend.ec2_backend.terminate_instances([state.instance.id for state in leaving])
                self.instance_states = [state for state in self.instance_states if state not in leaving]
        if self.name in self.autoscaling_backend.autoscaling_groups:
            self.autoscaling_backend.update_attached_elbs(self.name)
            self.autoscaling_backend.update_attached_target_groups(self.name)

    FakeAutoScalingGroup.set_desired_capacity = set_desired_capacity


# A path with no wildcard, slice, filter, union or recursive descent selects one value.
_INDEFINITE = re.compile(r"\*|\.\.|\?\(|\[[^\]]*[:,][^\]]*\]")


@workaround("definite-jsonpath")
def unwrap_definite_jsonpath(_args):
    # $.items[0].name yields ["x"] instead of "x", so Choice rules on it silently fall to Default.
    from moto.stepfunctions.parser.asl.utils import json_path
    original = json_path.extract_json

    def extract_json(path, data):
        value = original(path, data)
        if isinstance(value, list) and len(value) == 1 and not _INDEFINITE.search(path):
            single = json_path.parse(path).find(data)
            if len(single) == 1:
                return single[0].value
        return value

    json_path.extract_json = extract_json
    for module in list(sys.modules.values()):
        if getattr(module, "extract_json", None) is original:
            module.extract_json = extract_json


@workaround("time-scale")
def scale_waits(args):
    # moto really sleeps in Wait states and Retry backoffs, and a task's TimeoutSeconds(Path) (an
    # approval waiting for its token) really lasts that long; tests run them faster.
    scale = args.time_scale
    if scale == 1.0:
        return
    from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl
    from moto.stepfunctions.parser.asl.component.common.timeouts.timeout import Timeout

    def scaled_timeout(self, env):
        seconds = self._eval_seconds(env=env)
        # The default (99999999 s, "no timeout") stays as it is.
        env.stack.append(seconds if self.is_default_value() else seconds * scale)

    Timeout._eval_body = scaled_timeout
    from moto.stepfunctions.parser.asl.component.state.wait.wait_function.wait_function import WaitFunction

    def wait_interval(self, env, wait_seconds):
        if wait_seconds > 0:
            env.program_state_event.wait(wait_seconds * scale)

    WaitFunction._wait_interval = wait_interval

    class ScaledTime:
        def __getattr__(self, name):
            return getattr(time, name)

        @staticmethod
        def sleep(seconds):
            time.sleep(seconds * scale)

    retrier_decl.time = ScaledTime()


@workaround("stop-execution-cause")
def keep_stop_execution_cause(_args):
    # StopExecution drops `error` and `cause` (moto passes "" for both), so an aborted execution
    # cannot say who stopped it or why; AWS keeps both and DescribeExecution returns them.
    from moto.core.responses import ActionResult
    from moto.stepfunctions.parser.asl.eval.program_state import ProgramStopped
    from moto.stepfunctions.parser.backend.execution import BaseExecutionWorkerCommunication
    from moto.stepfunctions.responses import StepFunctionResponse
    from moto.core.utils import utcnow

    def stop_execution(self):
        execution = self.stepfunction_backend.describe_execution(self._get_param("executionArn"))
        stop_date = utcnow()
        execution.stop(stop_date=stop_date, error=self._get_param("error"), cause=self._get_param("cause"))
        return ActionResult({"stopDate": stop_date})

    StepFunctionResponse.stop_execution = stop_execution
    original_reflect = BaseExecutionWorkerCommunication._reflect_execution_status

    def reflect_execution_status(self):
        original_reflect(self)
        state = self.execution.exec_worker.env.program_state()
        if isinstance(state, ProgramStopped):
            self.execution.error = state.error or None
            self.execution.cause = state.cause or None

    BaseExecutionWorkerCommunication._reflect_execution_status = reflect_execution_status


@workaround("stop-interrupts-callbacks")
def interrupt_callbacks_on_stop(_args):
    # StopExecution does not wake a task waiting for its token (.waitForTaskToken): the execution
    # stays RUNNING until the task's timeout, then carries on through its Catch. AWS ends it ABORTED
    # at once. Waking the waiting endpoints lets the stopped program end there, and a stopped
    # program stays stopped (the woken task's timeout must not turn ABORTED into FAILED).
    from moto.stepfunctions.parser.asl.eval.environment import Environment
    from moto.stepfunctions.parser.asl.eval.program_state import ProgramStopped

    original_set_stop = Environment.set_stop
    original_set_error = Environment.set_error

    def set_error(self, error):
        if isinstance(self._program_state, ProgramStopped):
            return
        original_set_error(self, error)

    Environment.set_error = set_error

    def set_stop(self, stop_date, cause, error):
        original_set_stop(self, stop_date=stop_date, cause=cause, error=error)
        for endpoint in list(self.callback_pool_manager._pool.values()):
            endpoint.interrupt_all()

    Environment.set_stop = set_stop


EXECUTION_STATUS_CHANGE = "Step Functions Execution Status Change"


@workaround("execution-status-events")
def emit_execution_status_events(_args):
    # Step Functions puts "Step Functions Execution Status Change" on the default event bus when a
    # standard execution ends (SUCCEEDED, FAILED, ABORTED, TIMED_OUT); moto emits nothing, so a
    # rule on a stopped or timed-out execution never fires. `--without` switches emission off.
    from moto.events.models import events_backends
    from moto.stepfunctions.parser.backend.execution import BaseExecutionWorkerCommunication

    original_terminated = BaseExecutionWorkerCommunication.terminated

    def millis(moment):
        return int(moment.timestamp() * 1000) if moment is not None else None

    def terminated(self):
        original_terminated(self)
        execution = self.execution
        status = execution.exec_status.value if execution.exec_status is not None else None
        if status not in ("SUCCEEDED", "FAILED", "ABORTED", "TIMED_OUT"):
            return
        detail = {
            "executionArn": execution.exec_arn,
            "stateMachineArn": execution.state_machine_arn,
            "name": execution.name,
            "status": status,
            "startDate": millis(execution.start_date),
            "stopDate": millis(execution.stop_date),
            "input": json.dumps(execution.input_data, separators=(",", ":")),
            "inputDetails": {"included": True},
            "output": json.dumps(execution.output, separators=(",", ":")) if status == "SUCCEEDED" else None,
            "outputDetails": {"included": True} if status == "SUCCEEDED" else None,
            "error": execution.error,
            "cause": execution.cause,
        }
        try:
            events_backends[execution.account_id][execution.region_name].put_events([{
                "Source": "aws.states",
                "DetailType": EXECUTION_STATUS_CHANGE,
                "Detail": json.dumps(detail),
                "Resources": [execution.exec_arn],
            }])
        except Exception as error:  # an event must never change how the execution ended
            print(f"bluegreen launcher: could not emit {status} of {execution.exec_arn}: {error!r}", file=sys.stderr, flush=True)

    BaseExecutionWorkerCommunication.terminated = terminated


AMI_STATE_CHANGE = "EC2 AMI State Change"


@workaround("ami-state-events")
def emit_ami_state_events(args):
    # EC2 puts "EC2 AMI State Change" on the default event bus when an AMI made by CreateImage,
    # CopyImage or RegisterImage becomes available (EC2 emits available, failed, deregistered and
    # disabled; no pending); moto emits nothing, so a rule that deploys a new AMI never fires. The
    # event follows the call a moment later (1 s x time scale, at least 50 ms), so a client that
    # tags the AMI right after creating it has done so before the event is matched.
    import threading
    from moto.ec2.models.amis import AmiBackend
    from moto.events.models import events_backends
    delay = max(1.0 * args.time_scale, 0.05)

    def announce(account_id, region, image_id):
        time.sleep(delay)
        detail = {"RequestId": str(uuid.uuid4()), "ImageId": image_id, "State": "available", "ErrorMessage": ""}
        try:
            events_backends[account_id][region].put_events([{
                "Source": "aws.ec2",
                "DetailType": AMI_STATE_CHANGE,
                "Detail": json.dumps(detail),
                "Resources": [f"arn:aws:ec2:{region}::image/{image_id}"],
            }])
        except Exception as error:  # an event must never change what the API call did
            print(f"bluegreen launcher: could not emit the state change of {image_id}: {error!r}", file=sys.stderr, flush=True)

    def announcing(create):
        def call(self, *args, **kwargs):
            image = create(self, *args, **kwargs)
            threading.Thread(target=announce, args=(self.account_id, self.region_name, image.id),
                             name=f"ami-state-{image.id}", daemon=True).start()
            return image
        return call

    AmiBackend.create_image = announcing(AmiBackend.create_image)
    AmiBackend.copy_image = announcing(AmiBackend.copy_image)
    AmiBackend.register_image = announcing(AmiBackend.register_image)


@workaround("event-targets")
def deliver_to_state_machines_and_functions(_args):
    # moto's rules deliver only to SQS, CloudWatch Logs and event buses; a Step Functions target
    # raises NotImplementedError (PutEvents answers 500). AWS starts an execution with the event
    # (or the target's Input / InputPath) as input, and invokes a Lambda target asynchronously.
    import datetime
    import threading
    import urllib.request
    from moto.events.models import Rule
    from moto.stepfunctions.parser.asl.utils import json_path
    from moto.stepfunctions.responses import get_backend
    from moto.utilities.arns import parse_arn

    original_send = Rule.send_to_targets

    def target_input(target, event):
        if target.get("Input") is not None:
            return target["Input"]
        delivered = {k: v for k, v in event.items() if k != "ingestion-time"}
        if isinstance(delivered.get("time"), (int, float)):
            delivered["time"] = datetime.datetime.fromtimestamp(delivered["time"], datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if target.get("InputPath"):
            delivered = json_path.extract_json(target["InputPath"], delivered)
        return json.dumps(delivered)

    def invoke_function(arn, payload):
        # MOTO_PORT is our gateway, which runs the function in-process.
        request = urllib.request.Request(
            f"http://127.0.0.1:{os.environ.get('MOTO_PORT', '5000')}/2015-03-31/functions/{arn}/invocations",
            data=payload.encode(), method="POST",
            headers={"X-Amz-Invocation-Type": "Event", "Content-Type": "application/json"})
        try:
            urllib.request.urlopen(request, timeout=900).read()
        except Exception as error:
            print(f"bluegreen launcher: invoking {arn} for a rule failed: {error!r}", file=sys.stderr, flush=True)

    def send_to_targets(self, original_event, transform_input=True):
        ours = [t for t in self.targets if parse_arn(t["Arn"]).service in ("states", "lambda")]
        if not ours:
            return original_send(self, original_event, transform_input)
        others = copy.copy(self)
        others.targets = [t for t in self.targets if t not in ours]
        if others.targets:
            original_send(others, original_event, transform_input)
        if self.state != "ENABLED" or not self.event_pattern.matches_event(original_event):
            return
        for target in ours:
            arn = parse_arn(target["Arn"])
            payload = target_input(target, original_event)
            if arn.service == "states":
                try:
                    get_backend(arn.account, arn.region).start_execution(
                        target["Arn"], name=str(uuid.uuid4()), execution_input=payload)
                except Exception as error:
                    print(f"bluegreen launcher: rule {self.name} could not start {target['Arn']}: {error!r}", file=sys.stderr, flush=True)
            else:
                threading.Thread(target=invoke_function, args=(target["Arn"], payload), daemon=True).start()

    Rule.send_to_targets = send_to_targets


def exit_with_parent():
    # If our owner dies without stopping us (SIGKILL, crash), do not linger as an orphan.
    import threading
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--lambda-port", type=int, required=True)
    parser.add_argument("--time-scale", type=float, default=1.0)
    parser.add_argument("--without", action="append", default=[], choices=sorted(WORKAROUNDS))
    args = parser.parse_args()

    exit_with_parent()
    os.environ["MOTO_PORT"] = str(args.lambda_port)
    from moto.core.config import default_user_config
    default_user_config["stepfunctions"] = {"execute_state_machine": True}

    # Import the engine first so every module that captured extract_json can be rebound.
    import moto.stepfunctions.parser.models  # noqa: F401
    import moto.stepfunctions.parser.asl.parse.asl_parser  # noqa: F401
    for name, apply in WORKAROUNDS.items():
        if name not in args.without:
            apply(args)

    print(json.dumps({"launcher": "bluegreen", "workarounds": sorted(set(WORKAROUNDS) - set(args.without))}), flush=True)
    from moto.server import main as moto_main
    moto_main(["--host", "127.0.0.1", "--port", str(args.port)])


if __name__ == "__main__":
    main()
