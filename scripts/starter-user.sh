#!/usr/bin/env bash
# Builds and tests tests/starter-user as a user's application would be built: outside the reactor,
# depending on the starter by the README's snippet, its io.siotls artifacts taken from a repository.
#  1. Deploys the starter and what it needs from the reactor (the parent pom, siotls-core,
#     siotls-spring-boot-autoconfigure) to a file repository under target/starter-user/.
#  2. Runs plain `mvn test` in tests/starter-user with only a settings file (-s) added, which names
#     that repository.
# Both steps use the settings file, whose local repository is target/starter-user/local-repository,
# so that nothing of io.siotls (not even the deployment's metadata) reaches ~/.m2/repository, where
# other builds would take a stale snapshot for a reactor module. That local repository is filled
# from ~/.m2/repository, read as a file repository (releases only: no second download), and from
# Maven Central for what is not there.
# Any failure fails the script.
#   bash scripts/starter-user.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=$PWD/target/starter-user
staging=$work/staging-repository
local_repository=$work/local-repository
user_repository=${HOME}/.m2/repository
start=$SECONDS

rm -rf "$staging" "$local_repository/io/siotls"
mkdir -p "$work"
cat > "$work/settings.xml" <<SETTINGS
<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">
  <localRepository>$local_repository</localRepository>
  <profiles>
    <profile>
      <id>starter-user</id>
      <repositories>
        <repository>
          <id>siotls-staging</id>
          <url>file://$staging</url>
          <releases><enabled>false</enabled></releases>
          <snapshots><enabled>true</enabled><updatePolicy>always</updatePolicy></snapshots>
        </repository>
        <repository>
          <id>user-local-repository</id>
          <url>file://$user_repository</url>
          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>
          <id>user-local-repository</id>
          <url>file://$user_repository</url>
          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>starter-user</activeProfile>
  </activeProfiles>
</settings>
SETTINGS

echo "== deploying siotls-spring-boot-starter and what it depends on to $staging"
mvn -B -ntp -q -s "$work/settings.xml" -pl siotls-spring-boot-starter -am deploy -Dmaven.test.skip=true -Dmaven.install.skip=true \
  -DaltDeploymentRepository="siotls-staging::file://$staging"
for artifact in siotls-parent siotls-core siotls-spring-boot-autoconfigure siotls-spring-boot-starter; do
  if [ ! -d "$staging/io/siotls/$artifact" ]; then
    echo "FATAL: $artifact was not deployed to $staging" >&2
    exit 1
  fi
done

echo "== deployed in $((SECONDS - start)) s; mvn -B -ntp test in tests/starter-user, with $work/settings.xml"
(cd tests/starter-user && mvn -B -ntp -s "$work/settings.xml" test)
echo "== starter-user passed in $((SECONDS - start)) s"
