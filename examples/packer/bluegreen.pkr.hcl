# Bakes an AMI for one application and tags it bluegreen:application=<application>, which is all
# BlueGreen needs to deploy it:   packer init . && packer build -var application=shop .
#
# Timing. The amazon-ebs builder calls CreateImage, waits until the AMI is available, copies it to
# any ami_regions, and only then applies `tags` (the tags step is its last). So:
#   1. the AMI becomes available -> EC2 puts `EC2 AMI State Change` (State available) on EventBridge
#      and the stack's rule starts the BlueGreenDeployment state machine at once;
#   2. NormalizeRequest finds no bluegreen:application tag yet and looks again after growing pauses
#      (5 s, 5 s, 10 s, 20 s, ... at most 2 min each);
#   3. Packer tags the AMI a few seconds after it became available;
#   4. the next look finds the tag and the deployment of that application starts.
# The tag must arrive within the stack parameter ImageTagWaitMinutes (default 10) of the AMI
# becoming available; otherwise the execution ends SUCCEEDED with {"outcome": "Ignored", "reason": ...}
# and nothing is deployed. With ami_regions the tag comes only after every copy is available
# (often many minutes): leave ami_regions out (build per region) or raise ImageTagWaitMinutes.
# An AMI announced twice is deployed once.
#
# Not needed: aws_polling (it tunes how Packer waits for `available`; BlueGreen does its own
# waiting) and skip_create_ami (it makes no AMI at all, so there is nothing to deploy).
#
# bluegreen:application is kept out of run_tags on purpose: the plugin puts run_tags on the AMI
# when it calls CreateImage (since 1.0.2), which would start a deployment before Packer has
# finished (and Packer deregisters the AMI if a later step fails). In `tags` it comes last, so the
# tag also says "this image is finished". skip_ami_run_tags (1.3.7+) keeps the build instance's
# Name off the AMI.
#
# Local cloud (`bluegreen local up`, http://127.0.0.1:4566): custom_endpoint_ec2 (or
# AWS_ENDPOINT_URL) points the EC2 calls there, but the build instance is a record in moto, not a
# machine: nothing answers SSH, so a local build stops at "Waiting for SSH" and cannot run a
# provisioner. Not tried here. What does work locally is the event path this template relies on:
# `aws ec2 create-image`, then `aws ec2 create-tags` (examples/README.md, "Try the event path locally").

packer {
  required_plugins {
    amazon = {
      source  = "github.com/hashicorp/amazon"
      version = ">= 1.3.7"
    }
  }
}

variable "application" {
  type        = string
  description = "BlueGreen application name: the SSM parameter /bluegreen/applications/<application> must exist."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,31}$", var.application))
    error_message = "The application must be 1 to 32 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "region" {
  type        = string
  default     = "us-east-1"
  description = "Region to build in: the region of the BlueGreen stack that should deploy the AMI."
}

variable "source_ami_name" {
  type        = string
  default     = "al2023-ami-2023.*-x86_64"
  description = "Name filter of the base AMI (the newest match is used)."
}

variable "source_ami_owners" {
  type    = list(string)
  default = ["amazon"]
}

variable "ssh_username" {
  type    = string
  default = "ec2-user"
}

variable "instance_type" {
  type    = string
  default = "t3.micro"
}

variable "subnet_id" {
  type        = string
  default     = ""
  description = "Subnet of the build instance; empty: the default VPC. It must reach the internet or Packer's SSH."
}

variable "bluegreen_tag" {
  type        = bool
  default     = true
  description = "Tag the AMI for BlueGreen, so its AMI event deploys it. false when a pipeline starts the deployment instead (codepipeline-action-filepath.json)."
}

locals {
  build_time = timestamp()
  ami_name   = "${var.application}-${formatdate("YYYYMMDD-hhmmss", local.build_time)}"
  tags = {
    Name            = local.ami_name
    application     = var.application
    source_ami      = "{{ .SourceAMI }}"
    source_ami_name = "{{ .SourceAMIName }}"
    build_time      = local.build_time
  }
  # bluegreen:application, or nothing when var.bluegreen_tag is false (a `for ... if` rather than
  # a conditional, which would have to unify two different object types)
  bluegreen_tag = { for k, v in { "bluegreen:application" = var.application } : k => v if var.bluegreen_tag }
}

source "amazon-ebs" "app" {
  region        = var.region
  instance_type = var.instance_type
  subnet_id     = var.subnet_id
  ssh_username  = var.ssh_username
  ami_name      = local.ami_name

  source_ami_filter {
    filters = {
      name                = var.source_ami_name
      root-device-type    = "ebs"
      virtualization-type = "hvm"
    }
    owners      = var.source_ami_owners
    most_recent = true
  }

  run_tags          = { Name = "packer-build-${var.application}" }
  skip_ami_run_tags = true

  # Applied after the AMI is available (to the AMI and its snapshots): BlueGreen waits for this.
  tags          = merge(local.tags, local.bluegreen_tag)
  snapshot_tags = { Name = "${local.ami_name}-root" }
}

build {
  sources = ["source.amazon-ebs.app"]

  provisioner "shell" {
    # Install and configure the application here: the AMI is the release.
    inline = ["echo 'install ${var.application} here'"]
  }

  # The AMI id for a pipeline: .builds[-1].artifact_id is "<region>:<ami-id>".
  post-processor "manifest" {
    output     = "packer-manifest.json"
    strip_path = true
  }
}
