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
