package dev.dockergen.audit;

import java.util.List;

/**
 * The rules of shared/design/dockerfile-contract.md that can be read off a Dockerfile, in report order. Every
 * dockergen-generated file passes all of them; hadolint and BuildKit names are given where a rule matches one of
 * theirs. {@link HadolintRules} holds the ones hadolint has (DL ids), {@link ContractRules} the contract's own and
 * BuildKit's; {@link Checks} what they are built from.
 */
public final class Rules {
    private Rules() {
    }

    /** Every rule, in report order. */
    public static List<Rule> all() {
        return List.of(
                HadolintRules.LATEST_TAG,
                HadolintRules.UNTAGGED_IMAGE,
                HadolintRules.ROOT_USER,
                HadolintRules.SHELL_FORM_COMMAND,
                ContractRules.BUILD_TOOLS_IN_FINAL_IMAGE,
                ContractRules.MISSING_DOCKERIGNORE,
                ContractRules.SECRET_IN_ARG_ENV,
                ContractRules.COPY_BEFORE_INSTALL,
                HadolintRules.APT_WITHOUT_CLEANUP,
                HadolintRules.APT_RECOMMENDS,
                HadolintRules.APK_WITHOUT_NO_CACHE,
                HadolintRules.PIP_WITHOUT_NO_CACHE,
                HadolintRules.WORKDIR_RELATIVE,
                ContractRules.LEGACY_ENV_FORMAT,
                ContractRules.MISSING_SYNTAX_DIRECTIVE,
                HadolintRules.ADD_INSTEAD_OF_COPY,
                HadolintRules.MAINTAINER,
                HadolintRules.SUDO,
                HadolintRules.CD_IN_RUN,
                HadolintRules.PIPEFAIL,
                HadolintRules.EXPOSE_PORT_RANGE,
                HadolintRules.MULTIPLE_HEALTHCHECK,
                HadolintRules.MULTIPLE_CMD,
                HadolintRules.MULTIPLE_ENTRYPOINT,
                HadolintRules.UNPINNED_APT_PACKAGE,
                HadolintRules.UNPINNED_APK_PACKAGE,
                HadolintRules.UNPINNED_PIP_PACKAGE,
                HadolintRules.UNPINNED_NPM_PACKAGE,
                ContractRules.APT_UPDATE_ALONE,
                HadolintRules.APT_UPGRADE,
                ContractRules.NPM_INSTALL_WITH_LOCKFILE,
                HadolintRules.CONSECUTIVE_RUN);
    }
}
